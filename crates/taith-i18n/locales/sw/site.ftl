## Site-wide: the 404 page, the menu, empty states.
