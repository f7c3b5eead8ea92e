/**
 * Shows the last thing that went wrong, in the clerk's words, until dismissed. A failed call never
 * takes the screen away: the banner sits above whatever the clerk was doing.
 */
interface ErrorBannerProps {
  message: string | undefined;
  onDismiss: () => void;
}

export function ErrorBanner({ message, onDismiss }: ErrorBannerProps) {
  if (!message) return null;
  return (
    <div className="error-banner">
      <p role="alert" className="error-banner__message">
        {message}
      </p>
      <button type="button" className="button button--quiet" onClick={onDismiss}>
        Dismiss message
      </button>
    </div>
  );
}
