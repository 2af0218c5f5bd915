# The feature-request board, for staff and for customers.
nav-requests = Requests
