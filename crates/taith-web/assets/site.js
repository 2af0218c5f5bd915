// Progressive enhancement for every page of the frame; every page works without it.

// A form sent back with errors: put the keyboard on the first field to fix. Fields drawn by
// the shared includes carry `autofocus` already (the browser honours the first one); this
// covers fields written by hand, groups of choices whose error describes the fieldset, and
// browsers that ignore autofocus.
function firstToFix() {
  const invalid = document.querySelector('[aria-invalid="true"]');
  if (invalid) {
    return invalid;
  }
  const error = document.querySelector("form .error[id]");
  const owner = error && document.querySelector(`[aria-describedby~="${CSS.escape(error.id)}"]`);
  if (!owner) {
    return null;
  }
  return owner.matches("input, select, textarea") ? owner : owner.querySelector("input, select, textarea");
}
const field = firstToFix();
if (field && (!document.activeElement || document.activeElement === document.body)) {
  field.focus();
}

// The header's menu is a disclosure on a phone and one row from 48rem (app.css). Keep its
// open state in step with the width, so that on a wide screen the row is open in the markup
// too (browsers without ::details-content, assistive tools that go by the state).
const menu = document.querySelector("details.menu");
if (menu && window.matchMedia) {
  const wide = window.matchMedia("(min-width: 48rem)");
  const follow = () => {
    menu.open = wide.matches;
  };
  follow();
  wide.addEventListener("change", follow);
}
