/**
 * Errors the answer service raises, for transports to tell apart. No
 * dependencies: the bot's error handler imports this without the engine.
 */

/** An error the engine worker raised, with its original name (CorpusError, ZodError…). */
export class EngineError extends Error {
  constructor(message: string, name: string) {
    super(message);
    this.name = name;
  }
}

/**
 * The engine worker stopped (out of memory, crashed) and another is opening
 * the corpus: the request was not answered, and can be asked again in a few
 * seconds. Not a fault of the request.
 */
export class EngineRestarting extends Error {
  override name = 'EngineRestarting';

  constructor(message = 'the engine is restarting') {
    super(message);
  }
}
