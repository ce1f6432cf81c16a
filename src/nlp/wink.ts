// One wink-nlp instance per process: a second instance silently breaks POS-based patterns.
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";

/**
 * The pipe Heartland reads: sentence boundaries and part-of-speech tags. wink's default pipe also runs its own
 * entity recogniser, negation and sentiment, which nothing here reads; they cost about a quarter of wink's time and
 * change neither tokens, tags nor sentences.
 */
const PIPE = ["sbd", "pos"];

let instance: ReturnType<typeof winkNLP> | undefined;

export function wink(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model, PIPE);
  return instance;
}
