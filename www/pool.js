// A pool of annotation workers for a corpus: up to one per core
// (navigator.hardwareConcurrency, at least one). Work goes out in small
// batches, two per worker in flight so none waits for the page; answers come
// back one item at a time, in whatever order the workers finish. A worker
// whose engine trapped or died is replaced and the items it had not answered
// go out again (an item that kills two engines fails alone). Cancelling
// stops handing out work; idle workers are let go after a while, so a
// finished corpus does not keep their memory.

const IDLE_MS = 30000;

export function poolSize() {
  const cores = Number(navigator.hardwareConcurrency) || 1;
  return Math.max(1, Math.min(cores, 8));
}

class Slot {
  constructor(pool) {
    this.pool = pool;
    this.inFlight = new Map(); // call id -> batch
    this.ready = false;
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'corpus annotator' });
    this.worker.onmessage = (e) => this.receive(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.die(`the annotation engine stopped (${e.message || 'worker error'})`);
    };
    this.worker.onmessageerror = () => this.die('the annotation engine sent a message the page cannot read');
  }

  receive(msg) {
    if (msg.type === 'ready') return;
    if (msg.type === 'failed') return this.die(`the annotation engine could not start: ${msg.error}`);
    const batch = this.inFlight.get(msg.id);
    if (!batch) return;
    this.inFlight.delete(msg.id);
    if (!msg.ok) {
      // The whole call failed (the engine could not start, or trapped outside an item).
      if (msg.fatal) return this.die(msg.error, batch);
      for (const item of batch.items) batch.job.settle(item, { ok: false, error: msg.error });
    } else {
      const answered = new Set();
      for (const r of msg.result.results) {
        answered.add(r.key);
        batch.job.settle(batch.byKey.get(r.key), r);
      }
      if (msg.result.fatal) {
        const rest = batch.items.filter((item) => !answered.has(item.key));
        return this.die('the annotation engine failed', { ...batch, items: rest });
      }
    }
    this.pool.pump();
  }

  /** The worker is gone: requeue what it held (once per item), replace it. */
  die(message, extra) {
    const batches = [...this.inFlight.values()];
    if (extra) batches.push(extra);
    this.inFlight.clear();
    this.worker.terminate();
    this.pool.remove(this);
    for (const batch of batches) {
      for (const item of batch.items) {
        item.tries = (item.tries || 0) + 1;
        if (item.tries >= 2) batch.job.settle(item, { ok: false, error: message });
        else batch.job.queue.unshift(item);
      }
    }
    this.pool.pump();
  }

  send(batch) {
    const id = this.pool.nextId++;
    this.inFlight.set(id, batch);
    this.worker.postMessage({ id, op: batch.job.op, args: { ...batch.job.args, items: batch.items.map(({ tries, ...item }) => item) } });
  }
}

class Job {
  constructor(op, items, args, onResult) {
    this.op = op;
    this.args = args;
    this.queue = [...items];
    this.total = items.length;
    this.done = 0;
    this.onResult = onResult;
    this.cancelled = false;
    this.promise = new Promise((resolve) => (this.resolve = resolve));
  }

  settle(item, result) {
    if (!item || item.settled) return;
    item.settled = true;
    this.done++;
    this.onResult(item, result);
    if (this.done === this.total) this.resolve({ cancelled: false });
  }

  /** The next batch: a few items, about 64 thousand characters at most. */
  take() {
    const items = [];
    let size = 0;
    while (this.queue.length && items.length < 8 && size < 65536) {
      const item = this.queue.shift();
      size += item.size || 0;
      items.push(item);
    }
    return { job: this, items, byKey: new Map(items.map((i) => [i.key, i])) };
  }
}

export class Pool {
  constructor(size = poolSize()) {
    this.size = size;
    this.slots = [];
    this.jobs = [];
    this.nextId = 1;
    this.idleTimer = 0;
  }

  /**
   * Runs `op` over `items` ({ key, size, …fields the op reads }); calls
   * `onResult(item, { ok, value | error })` for each. Resolves to
   * `{ cancelled }` once every item is answered or the job is cancelled.
   */
  run(op, items, { args = {}, onResult = () => {} } = {}) {
    const job = new Job(op, items, args, onResult);
    if (!items.length) return { promise: Promise.resolve({ cancelled: false }), cancel() {} };
    this.jobs.push(job);
    clearTimeout(this.idleTimer);
    while (this.slots.length < Math.min(this.size, items.length)) this.slots.push(new Slot(this));
    this.pump();
    const cancel = () => {
      if (job.cancelled || job.done === job.total) return;
      job.cancelled = true;
      job.queue.length = 0;
      this.jobs = this.jobs.filter((j) => j !== job);
      job.resolve({ cancelled: true });
      // What is in flight finishes on its own and is still kept (settle ignores nothing).
      this.pump();
    };
    job.promise.then(() => {
      this.jobs = this.jobs.filter((j) => j !== job);
      this.scheduleIdle();
    });
    return { promise: job.promise, cancel };
  }

  pump() {
    for (;;) {
      const job = this.jobs.find((j) => j.queue.length);
      if (!job) break;
      if (this.slots.length < this.size) this.slots.push(new Slot(this));
      const slot = this.slots.filter((s) => s.inFlight.size < 2).sort((a, b) => a.inFlight.size - b.inFlight.size)[0];
      if (!slot) break;
      slot.send(job.take());
    }
    this.scheduleIdle();
  }

  remove(slot) {
    this.slots = this.slots.filter((s) => s !== slot);
  }

  scheduleIdle() {
    clearTimeout(this.idleTimer);
    if (this.jobs.length || this.slots.some((s) => s.inFlight.size)) return;
    this.idleTimer = setTimeout(() => this.close(), IDLE_MS);
  }

  /** Lets every worker go (a new job starts new ones). */
  close() {
    for (const slot of this.slots) if (!slot.inFlight.size) slot.worker.terminate();
    this.slots = this.slots.filter((s) => s.inFlight.size);
  }

  /** Peak wasm memory of each worker, for the figures. */
  async memory() {
    return Promise.all(
      this.slots.map(
        (slot) =>
          new Promise((resolve) => {
            const id = this.nextId++;
            const listener = (e) => {
              if (e.data.id !== id) return;
              slot.worker.removeEventListener('message', listener);
              resolve(e.data.ok ? e.data.result.memoryBytes : 0);
            };
            slot.worker.addEventListener('message', listener);
            slot.worker.postMessage({ id, op: 'stats', args: {} });
          }),
      ),
    );
  }
}
