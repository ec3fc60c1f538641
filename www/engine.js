// The page's handle on the annotation worker: promise-returning calls, and a
// fresh worker after a crash or a wasm trap so one bad input never leaves the
// page without an engine.

export class EngineClient {
  constructor({ onVersion = () => {}, onCrash = () => {} } = {}) {
    this.onVersion = onVersion;
    this.onCrash = onCrash;
    this.worker = null;
    this.pending = new Map();
    this.nextId = 1;
  }

  start() {
    if (this.worker) return;
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'annotator' });
    worker.onmessage = (event) => this.receive(worker, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.crash(worker, `the annotation engine stopped (${event.message || 'worker error'})`);
    };
    worker.onmessageerror = () => this.crash(worker, 'the annotation engine sent a message the page cannot read');
    this.worker = worker;
  }

  receive(worker, msg) {
    if (msg.type === 'ready') return this.onVersion(msg.version);
    if (msg.type === 'failed') return this.crash(worker, `the annotation engine could not start: ${msg.error}`);
    const call = this.pending.get(msg.id);
    if (!call) return;
    this.pending.delete(msg.id);
    if (msg.ok) {
      call.resolve(msg.result);
    } else {
      const err = new Error(msg.error);
      err.fatal = Boolean(msg.fatal);
      call.reject(err);
      if (err.fatal) {
        // Whatever else was queued on that instance cannot be trusted either.
        this.restart(worker);
        for (const other of this.pending.values()) other.reject(err);
        this.pending.clear();
      }
    }
  }

  /** The worker died: fail every call in flight and start afresh next time. */
  crash(worker, message) {
    if (worker !== this.worker) return;
    this.restart(worker);
    const err = new Error(message);
    err.fatal = true;
    for (const call of this.pending.values()) call.reject(err);
    this.pending.clear();
    this.onCrash(err);
  }

  restart(worker) {
    if (worker !== this.worker) return;
    worker.terminate();
    this.worker = null;
  }

  call(op, args) {
    this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, args });
    });
  }

  annotate(text, options) { return this.call('annotate', { text, options }); }
  exportJson(doc) { return this.call('exportJson', { doc }); }
  importJson(json) { return this.call('importJson', { json }); }
}
