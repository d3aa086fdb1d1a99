/** The form that row checkboxes join through their `form` attribute (see selection-bar.tsx). */
export const SELECTION_FORM = 'file-selection';
