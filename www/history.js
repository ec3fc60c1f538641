// Undo and redo over immutable documents: the history is the list of them.

export class History {
  constructor(limit = 200) {
    this.limit = limit;
    this.entries = [null];
    this.at = 0;
  }

  get current() {
    return this.entries[this.at];
  }

  get canUndo() {
    return this.at > 0;
  }

  get canRedo() {
    return this.at < this.entries.length - 1;
  }

  /** Starts over from `doc`, forgetting everything before it. */
  reset(doc) {
    this.entries = [doc];
    this.at = 0;
  }

  /** Records `doc` as the new present; anything that was undone is dropped. */
  push(doc) {
    this.entries.splice(this.at + 1);
    this.entries.push(doc);
    if (this.entries.length > this.limit) this.entries.shift();
    this.at = this.entries.length - 1;
  }

  undo() {
    if (this.canUndo) this.at--;
    return this.current;
  }

  redo() {
    if (this.canRedo) this.at++;
    return this.current;
  }
}
