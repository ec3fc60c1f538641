//! Tag schemes (BIO and BILOU) over the four entity labels: tag ids, which
//! transitions are legal, and turning a tag sequence back into spans.

use crate::document::EntityLabel;

/// How a token's place in an entity is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// Begin, Inside, Outside.
    Bio,
    /// Begin, Inside, Last, Outside, Unit.
    Bilou,
}

/// A token's position in an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

impl Scheme {
    #[cfg(feature = "train")]
    pub(crate) fn code(self) -> u32 {
        match self {
            Scheme::Bio => 0,
            Scheme::Bilou => 1,
        }
    }

    pub(crate) fn from_code(c: u32) -> Option<Scheme> {
        match c {
            0 => Some(Scheme::Bio),
            1 => Some(Scheme::Bilou),
            _ => None,
        }
    }

    fn parts(self) -> &'static [Part] {
        match self {
            Scheme::Bio => &[Part::Begin, Part::Inside],
            Scheme::Bilou => &[Part::Begin, Part::Inside, Part::Last, Part::Unit],
        }
    }

    /// Number of tags: `O` and one per label and part.
    pub(crate) fn len(self) -> usize {
        1 + 4 * self.parts().len()
    }

    /// The tag id of `part` of `label` (0 is `O`).
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn tag(self, label: EntityLabel, part: Part) -> usize {
        let l = EntityLabel::ALL.iter().position(|&x| x == label).unwrap_or(0);
        let p = match (self, part) {
            (Scheme::Bio, Part::Begin | Part::Unit) => 0,
            (Scheme::Bio, Part::Inside | Part::Last) => 1,
            (Scheme::Bilou, _) => self.parts().iter().position(|&x| x == part).unwrap_or(0),
        };
        1 + l * self.parts().len() + p
    }

    /// The label and part of tag `t`, or `None` for `O`.
    pub(crate) fn split(self, t: usize) -> Option<(EntityLabel, Part)> {
        if t == 0 || t >= self.len() {
            return None;
        }
        let n = self.parts().len();
        Some((EntityLabel::ALL[(t - 1) / n], self.parts()[(t - 1) % n]))
    }

    /// Tags for an entity of `len` tokens.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn encode(self, label: EntityLabel, len: usize, out: &mut [u8]) {
        for (k, slot) in out.iter_mut().enumerate().take(len) {
            let part = match (len, k) {
                (1, _) => Part::Unit,
                (_, 0) => Part::Begin,
                _ if k + 1 == len => Part::Last,
                _ => Part::Inside,
            };
            *slot = self.tag(label, part) as u8;
        }
    }

    /// The tag of a one-token entity of `label` (`B` in BIO).
    pub(crate) fn unit(self, label: EntityLabel) -> usize {
        let l = EntityLabel::ALL.iter().position(|&x| x == label).unwrap_or(0);
        1 + l * self.parts().len() + if self == Scheme::Bilou { 3 } else { 0 }
    }

    /// Whether tag `t` is a whole one-token entity on its own (in BIO a
    /// `B` may be continued; the caller checks the next tag).
    pub(crate) fn is_unit(self, t: usize) -> bool {
        matches!(self.split(t), Some((_, Part::Unit)))
    }

    /// Whether tag `t` opens an entity.
    pub(crate) fn begins(self, t: usize) -> bool {
        matches!(self.split(t), Some((_, Part::Begin | Part::Unit)))
    }

    /// Whether a sequence may start with tag `t`.
    pub(crate) fn can_start(self, t: usize) -> bool {
        !matches!(self.split(t), Some((_, Part::Inside | Part::Last)))
    }

    /// Whether a sequence may end with tag `t`.
    pub(crate) fn can_end(self, t: usize) -> bool {
        match self {
            Scheme::Bio => true,
            Scheme::Bilou => !matches!(self.split(t), Some((_, Part::Begin | Part::Inside))),
        }
    }

    /// Whether tag `b` may follow tag `a`.
    pub(crate) fn can_follow(self, a: usize, b: usize) -> bool {
        let (sa, sb) = (self.split(a), self.split(b));
        match self {
            Scheme::Bio => match sb {
                Some((lb, Part::Inside)) => matches!(sa, Some((la, _)) if la == lb),
                _ => true,
            },
            Scheme::Bilou => {
                let open = matches!(sa, Some((_, Part::Begin | Part::Inside)));
                match sb {
                    Some((lb, Part::Inside | Part::Last)) => open && matches!(sa, Some((la, _)) if la == lb),
                    _ => !open,
                }
            }
        }
    }

    /// The entities (first token, end token, label) of a legal tag sequence.
    pub(crate) fn decode(self, tags: &[u8], mut emit: impl FnMut(usize, usize, EntityLabel)) {
        let mut open: Option<(usize, EntityLabel)> = None;
        for (i, &t) in tags.iter().enumerate() {
            let s = self.split(t as usize);
            let continues = matches!((open, s), (Some((_, lo)), Some((l, Part::Inside | Part::Last))) if lo == l);
            if !continues {
                if let Some((b, l)) = open.take() {
                    emit(b, i, l);
                }
                if let Some((l, _)) = s {
                    open = Some((i, l));
                }
            }
            if let (Some((b, l)), Some((_, Part::Last | Part::Unit))) = (open, s) {
                emit(b, i + 1, l);
                open = None;
            }
        }
        if let Some((b, l)) = open {
            emit(b, tags.len(), l);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(scheme: Scheme, tags: &[u8]) -> Vec<(usize, usize, EntityLabel)> {
        let mut v = Vec::new();
        scheme.decode(tags, |a, b, l| v.push((a, b, l)));
        v
    }

    #[test]
    fn encode_decode_round_trip() {
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            let mut tags = vec![0u8; 7];
            scheme.encode(EntityLabel::Per, 2, &mut tags[1..]);
            scheme.encode(EntityLabel::Loc, 1, &mut tags[3..]);
            scheme.encode(EntityLabel::Loc, 1, &mut tags[4..]);
            scheme.encode(EntityLabel::Org, 3, &mut tags[5..]);
            assert_eq!(
                spans(scheme, &tags),
                [
                    (1, 3, EntityLabel::Per),
                    (3, 4, EntityLabel::Loc),
                    (4, 5, EntityLabel::Loc),
                    (5, 7, EntityLabel::Org)
                ]
            );
            for w in tags.windows(2) {
                assert!(scheme.can_follow(w[0] as usize, w[1] as usize), "{scheme:?} {w:?}");
            }
        }
    }

    #[test]
    fn illegal_transitions() {
        let s = Scheme::Bilou;
        let b = s.tag(EntityLabel::Per, Part::Begin);
        let l = s.tag(EntityLabel::Per, Part::Last);
        let lo = s.tag(EntityLabel::Org, Part::Last);
        assert!(s.can_follow(b, l));
        assert!(!s.can_follow(b, lo));
        assert!(!s.can_follow(0, l));
        assert!(!s.can_follow(b, 0));
        assert!(!s.can_start(l));
        assert!(!s.can_end(b));
        assert_eq!(s.len(), 17);
        assert_eq!(s.unit(EntityLabel::Org), s.tag(EntityLabel::Org, Part::Unit));
        assert!(s.is_unit(s.unit(EntityLabel::Misc)));
        assert_eq!(Scheme::Bio.unit(EntityLabel::Loc), Scheme::Bio.tag(EntityLabel::Loc, Part::Begin));
        assert_eq!(Scheme::Bio.len(), 9);
    }
}
