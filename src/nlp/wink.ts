// One wink-nlp instance per process: a second instance silently breaks POS-based patterns.
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";

let instance: ReturnType<typeof winkNLP> | undefined;

export function wink(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model);
  return instance;
}
