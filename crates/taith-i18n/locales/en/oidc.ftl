oidc-sign-in-with = Sign in with { $provider }
oidc-or-password = Or sign in with your e-mail address and password below.
oidc-not-this-attempt = That sign-in could not be completed. Please start again.
oidc-bad-token = Your identity provider's answer could not be checked, so you were not signed in. Please try again, or tell whoever looks after your sign-in.
oidc-unverified = Your identity provider has not verified this e-mail address, so you were not signed in.
oidc-no-account = No taith account has the address your identity provider gave. Ask an owner of your workspace to add you as a member.
oidc-provider-failed = Your identity provider could not be reached. Please try again, or sign in with your password.
