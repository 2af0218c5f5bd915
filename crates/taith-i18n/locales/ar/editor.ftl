## Editing journeys in place: saving, unsaved changes, undo.
