//! Coaching.
