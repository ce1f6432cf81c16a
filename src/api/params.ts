// Query and path parameters: one declaration gives the parser (400 naming the parameter on bad input)
// and the OpenAPI description, so the two never drift apart.

/** A client error: answered with its status and a JSON body naming the parameter at fault. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 415,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }

  body(): { error: string; parameter?: string } {
    return this.parameter ? { error: this.message, parameter: this.parameter } : { error: this.message };
  }
}

export type JsonSchema = Record<string, unknown>;

export interface Param<T> {
  in: "query" | "path";
  description: string;
  schema: JsonSchema;
  required: boolean;
  /** Comma-separated lists are OpenAPI arrays with explode: false. */
  explode?: false;
  /** Reads a raw value; throws a message (without the parameter name) when it is bad. */
  parse: (raw: string) => T;
  fallback?: T;
}

export type ParamSpecs = Record<string, Param<unknown>>;
export type ParamValues<S extends ParamSpecs> = { [K in keyof S]: S[K] extends Param<infer T> ? T : never };

class BadValue extends Error {}
const bad = (msg: string): never => {
  throw new BadValue(msg);
};
const shown = (raw: string) => JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw);

function optional<T>(p: Omit<Param<T>, "required" | "in" | "fallback">): Param<T | undefined> {
  return { ...p, in: "query", required: false };
}

function intParser(min: number, max: number) {
  return (raw: string) => {
    if (!/^-?\d+$/.test(raw)) bad(`must be a whole number from ${min} to ${max}, got ${shown(raw)}`);
    const n = Number(raw);
    if (n < min || n > max) bad(`must be from ${min} to ${max}, got ${raw}`);
    return n;
  };
}

const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Builders for query parameters. Optional unless `.required` or given a default. */
export const query = {
  string(description: string, maxLength = 200): Param<string | undefined> {
    return optional({
      description,
      schema: { type: "string", maxLength },
      parse: (raw) => (raw.length > maxLength ? bad(`must be at most ${maxLength} characters`) : raw),
    });
  },
  int(description: string, min: number, max: number): Param<number | undefined> {
    return optional({
      description,
      schema: { type: "integer", minimum: min, maximum: max },
      parse: intParser(min, max),
    });
  },
  intWithDefault(description: string, min: number, max: number, fallback: number): Param<number> {
    return {
      in: "query",
      required: false,
      description,
      schema: { type: "integer", minimum: min, maximum: max, default: fallback },
      parse: intParser(min, max),
      fallback,
    };
  },
  bool(description: string): Param<boolean | undefined> {
    return optional({
      description,
      schema: { type: "boolean" },
      parse: (raw) =>
        raw === "true" || raw === "1"
          ? true
          : raw === "false" || raw === "0"
            ? false
            : bad(`must be true or false, got ${shown(raw)}`),
    });
  },
  boolWithDefault(description: string, fallback: boolean): Param<boolean> {
    const p = query.bool(description);
    return { ...p, schema: { ...p.schema, default: fallback }, parse: p.parse as (raw: string) => boolean, fallback };
  },
  date(description: string): Param<string | undefined> {
    return optional({
      description,
      schema: { type: "string", pattern: ISO_DATE.source, examples: ["2022", "2022-01", "2022-01-07"] },
      parse: (raw) =>
        ISO_DATE.test(raw) ? raw : bad(`must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got ${shown(raw)}`),
    });
  },
  oneOf<T extends string>(description: string, values: readonly T[]): Param<T | undefined> {
    return optional({
      description,
      schema: { type: "string", enum: values },
      parse: (raw) =>
        values.includes(raw as T) ? (raw as T) : bad(`must be one of ${values.join(", ")}, got ${shown(raw)}`),
    });
  },
  /** A comma-separated list; `normalise` maps each item to its canonical form or null when it is not allowed. */
  list<T extends string>(
    description: string,
    allowed: readonly T[],
    normalise: (item: string) => T | null = (item) => (allowed.includes(item as T) ? (item as T) : null),
  ): Param<T[] | undefined> {
    return optional({
      description: `${description} Comma-separated.`,
      schema: { type: "array", items: { type: "string", enum: allowed } },
      explode: false,
      parse: (raw) => {
        const items = raw.split(",").map((s) => s.trim());
        const out: T[] = [];
        for (const item of items) {
          const v = normalise(item);
          if (v === null) bad(`has ${shown(item)}, not one of ${allowed.join(", ")}`);
          else if (!out.includes(v)) out.push(v);
        }
        return out;
      },
    });
  },
};

/** Builders for path parameters (always required). */
export const path = {
  int(description: string): Param<number> {
    return {
      in: "path",
      required: true,
      description,
      schema: { type: "integer", minimum: 1 },
      parse: intParser(1, Number.MAX_SAFE_INTEGER),
    };
  },
  string(description: string, maxLength = 200): Param<string> {
    return {
      in: "path",
      required: true,
      description,
      schema: { type: "string", maxLength },
      parse: (raw) => (raw.length > maxLength ? bad(`must be at most ${maxLength} characters`) : raw),
    };
  },
};

export function required<T>(p: Param<T | undefined>): Param<T> {
  return { ...p, required: true } as Param<T>;
}

/**
 * Reads every declared parameter from the query string and the path; an undeclared query
 * parameter, a repeated one, a missing required one or a bad value is a 400 naming it.
 */
export function parseParams<S extends ParamSpecs>(
  specs: S,
  queryValues: Record<string, string[]>,
  pathValues: Record<string, string>,
): ParamValues<S> {
  const queryNames = Object.keys(specs).filter((k) => specs[k]?.in === "query");
  for (const name of Object.keys(queryValues)) {
    if (!queryNames.includes(name)) {
      const takes = queryNames.length ? `it takes ${queryNames.join(", ")}` : "it takes no query parameters";
      throw new HttpError(400, `unknown parameter ${shown(name)}: ${takes}`, name);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    let raw: string | undefined;
    if (spec.in === "path") raw = pathValues[name];
    else {
      const values = queryValues[name] ?? [];
      if (values.length > 1) throw new HttpError(400, `${name} is given more than once`, name);
      raw = values[0];
    }
    if (raw === undefined || raw.trim() === "") {
      if (spec.required) throw new HttpError(400, `${name} is required`, name);
      out[name] = spec.fallback;
      continue;
    }
    try {
      out[name] = spec.parse(raw.trim());
    } catch (err) {
      if (err instanceof BadValue) throw new HttpError(400, `${name} ${err.message}`, name);
      throw err;
    }
  }
  return out as ParamValues<S>;
}
