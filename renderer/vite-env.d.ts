/** Vite's types for what the renderer imports besides code (stylesheets). */
/// <reference types="vite/client" />
