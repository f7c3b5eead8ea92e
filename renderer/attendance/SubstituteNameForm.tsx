/** The substitute's name for a member, typed in the member's row (the panel's and the roll call's); Escape gives up. */
import { useId, type FormEvent, type ReactNode } from 'react';

interface SubstituteNameFormProps {
  memberName: string;
  name: string;
  onName: (name: string) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  placeholder: string;
  /** A submit button where Enter alone is not enough of a hint. */
  children?: ReactNode;
}

export function SubstituteNameForm({ memberName, name, onName, onSubmit, onCancel, placeholder, children }: SubstituteNameFormProps) {
  const id = useId();
  return (
    <form className="attendance__inline-form" onSubmit={onSubmit}>
      <label className="visually-hidden" htmlFor={id}>
        Substitute for {memberName}
      </label>
      <input
        id={id}
        className="field__input"
        type="text"
        autoComplete="off"
        maxLength={200}
        placeholder={placeholder}
        autoFocus
        value={name}
        onChange={(event) => onName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onCancel();
          }
        }}
      />
      {children}
    </form>
  );
}
