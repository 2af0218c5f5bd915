## The account page, password change and reset.
