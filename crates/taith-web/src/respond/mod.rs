//! What customers see: the hosted survey page, kiosk, widget, e-mail links and unsubscribe.

pub mod pages;
