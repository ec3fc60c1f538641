"""Types of the article-annotator engine's documents (schema ``article-annotator/1``)."""

import datetime
from typing import Any, Iterable, List, Literal, Optional, Tuple, TypedDict, Union

# ``typing_extensions`` is not needed at run time: this file is only read by type checkers.
from typing_extensions import NotRequired

__version__: str
MAX_TEXT_BYTES: int

EntityLabel = Literal["PER", "ORG", "LOC", "MISC"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
TimexMod = Literal["START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"]
DctSource = Literal["input", "text", "none"]
MarkedKind = Literal["scare", "title", "nickname"]

class Entity(TypedDict):
    start: int
    end: int
    text: str
    label: EntityLabel
    group: NotRequired[int]

class Group(TypedDict):
    id: int
    name: str
    label: EntityLabel
    mentions: int

class DateMention(TypedDict):
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: NotRequired[TimexMod]

class Quote(TypedDict):
    start: int
    end: int
    text: str
    speaker: Optional[str]
    speaker_mentions: List[List[int]]
    speaker_group: NotRequired[int]
    cue: NotRequired[List[int]]

class Marked(TypedDict):
    start: int
    end: int
    text: str
    kind: MarkedKind

class Document(TypedDict):
    schema: Literal["article-annotator/1"]
    tool: str
    id: NotRequired[Any]
    text: str
    dct: Optional[str]
    dct_source: DctSource
    entities: List[Entity]
    groups: List[Group]
    dates: List[DateMention]
    quotes: List[Quote]
    marked: List[Marked]

class Record(TypedDict):
    text: str
    id: NotRequired[Any]
    dct: NotRequired[Optional[Union[str, datetime.date]]]

def annotate(
    text: str, dct: Optional[Union[str, datetime.date]] = None, month_first: bool = False
) -> Document:
    """Annotates one text; offsets count code points.

    Raises ``ValueError`` for a text over ``MAX_TEXT_BYTES`` or a bad ``dct``,
    ``TypeError`` for arguments of the wrong type."""

def annotate_many(
    items: Iterable[Union[str, Record]], jobs: Optional[int] = None, month_first: bool = False
) -> List[Document]:
    """Annotates texts or ``{"id", "text", "dct"}`` records on ``jobs`` threads
    (default: all cores) with the GIL released; results in the order of ``items``,
    each with its record's ``id``."""

def _panic_in_engine(message: str) -> None: ...
