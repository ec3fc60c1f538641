//! The crate's one error type. Messages read as sentences, so that the CLI
//! and the page can show them as they are.

use std::fmt;

/// Everything that can go wrong when annotating, loading a model or reading
/// an exported document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

/// What class of failure an [`Error`] is, for callers that branch on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input text or options cannot be annotated (too large, bad date).
    Input,
    /// A trained model failed to load.
    Model,
    /// An exported document failed to parse or does not fit its text.
    Import,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into() }
    }

    pub fn input(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Input, message)
    }

    pub fn model(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Model, message)
    }

    pub fn import(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Import, message)
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
