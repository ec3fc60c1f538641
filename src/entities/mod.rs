//! Named entities (PER, ORG, LOC, MISC): a trained sequence tagger over the
//! shared tokens, shipped as one embedded model file.
//!
//! The tagger is an averaged structured perceptron over BILOU tags with
//! Viterbi decoding; `DESIGN.md` explains the features and their worth.

#[cfg(feature = "train")]
pub mod classes;
mod consistency;
mod features;
mod gazetteer;
pub mod groups;
pub(crate) mod hash;
mod model;
mod rules;
mod tags;
#[cfg(feature = "train")]
pub mod train;

use std::sync::OnceLock;

pub use features::group;
pub use model::EntityModel;
pub use tags::Scheme;

use crate::document::Entity;
use crate::error::Error;
use crate::text::Segmented;

/// The model built by `cargo run --release --features train --bin train`
/// (see `model/README.md`).
pub static EMBEDDED_MODEL: &[u8] = include_bytes!("../../model/entities.bin");

/// The embedded model, loaded on first use.
pub fn embedded_model() -> Result<&'static EntityModel, Error> {
    static MODEL: OnceLock<Result<EntityModel, Error>> = OnceLock::new();
    MODEL.get_or_init(|| EntityModel::from_bytes(EMBEDDED_MODEL)).as_ref().map_err(Clone::clone)
}

/// Finds the named entities of `seg` with the embedded model (no entities if
/// it failed to load; [`crate::Annotator::new`] reports that error).
pub fn tag_entities(seg: &Segmented) -> Vec<Entity> {
    embedded_model().map(|m| m.tag(seg)).unwrap_or_default()
}
