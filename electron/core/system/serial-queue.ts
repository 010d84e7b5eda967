// The one serial queue: tasks run one at a time in the order they were queued, and a task that
// fails rejects only its own promise (the next one still runs). Built on p-queue with
// concurrency 1, so ordering and error isolation are p-queue's, not hand-rolled promise chains.
import PQueue from 'p-queue';

export class SerialQueue {
  private readonly queue = new PQueue({ concurrency: 1 });

  /** Runs `task` after every task queued before it has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.add(() => task());
  }

  /** Resolves once every task queued so far (and any queued meanwhile) has settled. */
  idle(): Promise<void> {
    return this.queue.onIdle();
  }

  get busy(): boolean {
    return this.queue.size > 0 || this.queue.pending > 0;
  }
}

/** One SerialQueue per key (e.g. per file), dropped when its last task settles. */
export class KeyedSerialQueue {
  private readonly queues = new Map<string, SerialQueue>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let queue = this.queues.get(key);
    if (!queue) {
      queue = new SerialQueue();
      this.queues.set(key, queue);
    }
    try {
      return await queue.run(task);
    } finally {
      if (!queue.busy && this.queues.get(key) === queue) this.queues.delete(key);
    }
  }

  /** Keys with a task queued or running (tests check nothing is left behind). */
  get size(): number {
    return this.queues.size;
  }
}
