// Runs a growing list of tasks with at most `concurrency` running at once (so at most that many requests in
// flight); a task may add tasks. The first failure stops new tasks and is thrown once running ones settle.

export async function runTaskPool<T>(
  initial: Iterable<T>,
  concurrency: number,
  run: (task: T, enqueue: (task: T) => void) => Promise<void>,
): Promise<void> {
  const queue = [...initial];
  let running = 0;
  let failure: { error: unknown } | null = null;
  await new Promise<void>((resolve, reject) => {
    const settle = () => {
      if (running > 0) return;
      if (failure !== null) reject(failure.error);
      else if (queue.length === 0) resolve();
    };
    const pump = () => {
      while (failure === null && running < concurrency && queue.length > 0) {
        const task = queue.shift() as T;
        running++;
        run(task, (next) => queue.push(next)).then(
          () => {
            running--;
            pump();
          },
          (error: unknown) => {
            running--;
            failure ??= { error };
            settle();
          },
        );
      }
      settle();
    };
    pump();
  });
}
