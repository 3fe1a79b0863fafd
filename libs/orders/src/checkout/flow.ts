import { Logger } from '@nestjs/common';

/** One step of a flow across libs, and how to take it back. */
export interface FlowStep<Context> {
  readonly name: string;
  run(context: Context): Promise<void>;
  /** Takes back what `run` did; runs only when `run` finished and a later step failed. */
  undo?(context: Context): Promise<void>;
}

/**
 * Runs the steps in order. When one fails, the finished steps are undone last-first and the
 * failure is thrown on. An undo that fails is logged and the others still run: the first error
 * is what the caller must see. Inside one database transaction the rollback also covers the
 * database; the undos are what reaches outside it (a payment started at a provider).
 */
export async function runFlow<Context>(name: string, steps: readonly FlowStep<Context>[], context: Context, logger: Logger): Promise<void> {
  const done: FlowStep<Context>[] = [];
  for (const step of steps) {
    try {
      await step.run(context);
    } catch (error) {
      for (const finished of done.reverse()) {
        try {
          await finished.undo?.(context);
        } catch (undoError) {
          logger.error(`${name}: undoing "${finished.name}" after "${step.name}" failed: ${String(undoError)}`);
        }
      }
      throw error;
    }
    done.push(step);
  }
}
