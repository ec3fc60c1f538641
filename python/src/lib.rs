//! The Python binding: `annotate` for one text, `annotate_many` for a batch
//! on all cores with the GIL released. Translation only, as `src/wasm.rs` is.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;

use article_annotator::{Annotator, Date, Error, MAX_TEXT_BYTES, NumericOrder, OffsetUnit, Options, parse_dct};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use rayon::prelude::*;
use serde_json::Value;

/// The one annotator of the process (the model is loaded once, read-only).
fn annotator() -> PyResult<&'static Annotator> {
    static ANNOTATOR: OnceLock<Result<Annotator, Error>> = OnceLock::new();
    ANNOTATOR.get_or_init(Annotator::new).as_ref().map_err(|e| PyRuntimeError::new_err(e.message().to_string()))
}

/// Runs engine code so that a panic becomes a `RuntimeError`, never an
/// unwind into the interpreter.
fn guarded<T>(f: impl FnOnce() -> T) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_string());
        PyRuntimeError::new_err(format!("article-annotator failed inside the engine (a bug, please report it): {what}"))
    })
}

/// The Python type name of `obj`, for messages.
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".to_string())
}

fn text_arg(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    if obj.is_instance_of::<PyString>() {
        obj.extract::<String>()
    } else {
        Err(PyTypeError::new_err(format!("the text to annotate must be a str, not {}", type_name(obj))))
    }
}

/// A reference date: `None`, a `YYYY-MM-DD` str (or a timestamp that
/// starts with one), or anything with `isoformat()` that gives one
/// (`datetime.date`, `datetime.datetime`).
fn dct_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Date>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else { return Ok(None) };
    let s: String = if obj.is_instance_of::<PyString>() {
        obj.extract()?
    } else if obj.hasattr("isoformat")? && obj.hasattr("toordinal")? {
        obj.call_method0("isoformat")?.extract()?
    } else {
        return Err(PyTypeError::new_err(format!(
            "dct must be a str of the form YYYY-MM-DD, a datetime.date or None, not {}",
            type_name(obj)
        )));
    };
    parse_dct(&s).map(Some).map_err(|e| PyValueError::new_err(e.message().to_string()))
}

fn options(dct: Option<Date>, month_first: bool) -> Options {
    let mut options = Options { dct, ..Options::default() };
    if month_first {
        options.dates.numeric_order = NumericOrder::MonthFirst;
    }
    options
}

/// The export document as a JSON value: spans such as `cue` become lists,
/// as in the CLI's JSON (pythonize would make tuples of Rust arrays).
fn annotate_text(annotator: &Annotator, text: &str, options: &Options, id: bool) -> Result<Value, Error> {
    let mut export = annotator.annotate(text, options)?.export(text, OffsetUnit::CodePoint);
    // A placeholder keeps "id" where the CLI writes it; the caller puts the item's own id there.
    export.id = id.then(String::new);
    serde_json::to_value(&export).map_err(|e| Error::input(format!("cannot build the result: {e}")))
}

fn to_python<'py>(py: Python<'py>, doc: &Value) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, doc).map_err(|e| PyRuntimeError::new_err(format!("cannot build the result: {e}")))
}

/// Annotates one text; returns the export document (code-point offsets).
#[pyfunction]
#[pyo3(signature = (text, dct=None, month_first=false))]
fn annotate<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    dct: Option<&Bound<'py, PyAny>>,
    month_first: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text)?;
    let options = options(dct_arg(dct)?, month_first);
    let annotator = annotator()?;
    let export = py
        .detach(|| guarded(|| annotate_text(annotator, &text, &options, false)))?
        .map_err(|e| PyValueError::new_err(e.message().to_string()))?;
    to_python(py, &export)
}

/// One item of `annotate_many`, read while holding the GIL.
struct Item<'py> {
    /// The item's `id` as given, put back unchanged into its result.
    id: Option<Bound<'py, PyAny>>,
    text: String,
    dct: Option<Date>,
}

fn read_item<'py>(index: usize, item: &Bound<'py, PyAny>) -> PyResult<Item<'py>> {
    let at = |e: PyErr, py: Python<'_>| -> PyErr {
        let message = format!("item {index}: {}", e.value(py));
        if e.is_instance_of::<PyTypeError>(py) { PyTypeError::new_err(message) } else { PyValueError::new_err(message) }
    };
    let py = item.py();
    if item.is_instance_of::<PyString>() {
        return Ok(Item { id: None, text: item.extract()?, dct: None });
    }
    let Ok(record) = item.cast::<PyDict>() else {
        return Err(PyTypeError::new_err(format!(
            "item {index}: an item must be a str or a dict with \"text\" (and \"id\", \"dct\"), not {}",
            type_name(item)
        )));
    };
    let text = match record.get_item("text")? {
        Some(t) => text_arg(&t).map_err(|e| at(e, py))?,
        None => return Err(PyValueError::new_err(format!("item {index}: the dict has no \"text\""))),
    };
    let dct = dct_arg(record.get_item("dct")?.as_ref()).map_err(|e| at(e, py))?;
    Ok(Item { id: record.get_item("id")?, text, dct })
}

/// Annotates many texts on `jobs` threads (default: all cores) with the GIL
/// released; returns the documents in the order of `items`.
#[pyfunction]
#[pyo3(signature = (items, jobs=None, month_first=false))]
fn annotate_many<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    jobs: Option<usize>,
    month_first: bool,
) -> PyResult<Bound<'py, PyList>> {
    if items.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("annotate_many takes an iterable of texts or records, not one str"));
    }
    if jobs == Some(0) {
        return Err(PyValueError::new_err("jobs must be at least 1 (or None for all cores)"));
    }
    let mut read = Vec::new();
    for (index, item) in items.try_iter()?.enumerate() {
        read.push(read_item(index, &item?)?);
    }
    let inputs: Vec<(String, Options, bool)> = read
        .iter_mut()
        .map(|item| (std::mem::take(&mut item.text), options(item.dct, month_first), item.id.is_some()))
        .collect();
    let annotator = annotator()?;
    let run = |(text, options, id): &(String, Options, bool)| annotate_text(annotator, text, options, *id);
    let results: Vec<Result<Value, Error>> = py
        .detach(|| {
            guarded(|| match jobs {
                Some(1) => Ok(inputs.iter().map(run).collect()),
                Some(n) => rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map(|pool| pool.install(|| inputs.par_iter().map(run).collect()))
                    .map_err(|e| format!("cannot start {n} threads: {e}")),
                None => Ok(inputs.par_iter().map(run).collect()),
            })
        })?
        .map_err(PyRuntimeError::new_err)?;
    let out = PyList::empty(py);
    for (index, (result, item)) in results.into_iter().zip(read).enumerate() {
        let doc = result.map_err(|e| PyValueError::new_err(format!("item {index}: {}", e.message())))?;
        let doc = to_python(py, &doc)?;
        if let Some(id) = item.id {
            doc.set_item("id", id)?;
        }
        out.append(doc)?;
    }
    Ok(out)
}

/// Panics inside the engine guard, so that tests can check that a panic
/// reaches Python as a `RuntimeError`. Not part of the API.
#[pyfunction]
fn _panic_in_engine(py: Python<'_>, message: String) -> PyResult<()> {
    py.detach(|| guarded(|| -> () { panic!("{message}") }))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("MAX_TEXT_BYTES", MAX_TEXT_BYTES)?;
    m.add_function(wrap_pyfunction!(annotate, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_many, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_in_engine, m)?)?;
    Ok(())
}
