## Editing journeys in place: saving, unsaved changes, undo.

editor-status-saving = Saving…
editor-status-saved = Saved.
editor-status-invalid = Not saved: please correct the marked fields.
editor-status-failed = Not saved: taith could not be reached. Your changes are still here; please try again.
editor-status-refused = Not saved: taith refused the change (perhaps you were signed out). Your changes are still here; reload the page in another tab to sign in, then save again.
editor-status-unsaved = Unsaved changes
editor-kept = Your unsaved changes in other cards were kept. Save each card when you are ready.
editor-without-script = Without JavaScript, each Save button saves only its own card, and changes typed into other cards are lost when the page reloads: save one card before you edit the next.
editor-board-hint = Open a card to edit it where it is. Each card saves on its own; the rest of the page stays as it is.
editor-delete-journey-confirm = Delete this journey and its whole history? You can undo this for a few minutes.
editor-delete-stage-confirm = Delete this stage and its touchpoints? You can undo this for a few minutes.
editor-delete-touchpoint-confirm = Delete this touchpoint? You can undo this for a few minutes.
editor-saved-details = Journey details saved.
editor-saved-stage = Stage saved.
editor-saved-touchpoint = Touchpoint saved.
editor-added-stage = Stage added.
editor-added-touchpoint = Touchpoint added.
editor-moved-stage = Stage moved.
editor-undo = Undo
editor-undo-hint = { $minutes ->
    [one] You can undo this for { $minutes } minute.
   *[other] You can undo this for { $minutes } minutes.
}
editor-undone = Put back where it was, with everything saved since.
editor-journey-deleted = Journey “{ $name }” deleted.
editor-journey-undeleted = Journey brought back, with its whole history.
editor-undo-late = This can no longer be undone. An earlier version can still be restored from the history.
editor-undo-nothing = There was nothing to undo: it is back already.
editor-map-region = Journey map (scroll to see every stage)
history-restore-hint = Restoring a version saves it again as the newest version: nothing in the history is lost, and you can restore any other version after.
history-restore-version = Restore version { $version }
history-restore-explained = The map becomes what version { $version } was, saved as version { $next }. Nothing in the history is lost.
history-restored = Version { $version } restored: the map shows it again, saved as version { $current }.
history-see-map = See the map
