// Progressive enhancement for every page of the frame; every page works without it.

// A form sent back with errors: put the keyboard on the first field to fix. Fields drawn by
// the shared includes carry `autofocus` already (browsers honour the first one); this covers
// the fields written by hand and browsers that ignore autofocus after a reload.
const invalid = document.querySelector('[aria-invalid="true"]');
if (invalid && (document.activeElement === document.body || document.activeElement === null)) {
  invalid.focus();
} else if (!invalid) {
  const error = document.querySelector("form .error[id]");
  const field = error && document.querySelector(`[aria-describedby~="${error.id}"]`);
  if (field && document.activeElement === document.body) {
    field.focus();
  }
}
