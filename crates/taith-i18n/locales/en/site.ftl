## Site-wide: the 404 page, the menu, empty states.

# The menu button of the page header on a narrow screen.
site-menu = Menu
site-not-found-title = Page not found
site-not-found = There is nothing at this address. The link may be mistyped, or the page may have moved.
site-not-found-home = Go to the start page
site-tokens-empty = No API tokens yet. Create one below when another system (a till, your shop's website, a spreadsheet) needs to read or send this workspace's data.
# A moment: the date as date-format writes it, then the time of day in UTC.
datetime-format = { $date }, { $time } UTC
