import type { z } from "zod";
import type { $ZodType } from "zod/v4/core";

type PathSegment = PropertyKey;

/**
 * The keys that the object schema(s) found at `path` inside `schema` accept, gathered over every branch of a
 * union. Used to suggest a key when a mapping holds one it does not know.
 */
export function knownKeysAt(schema: $ZodType, path: readonly PathSegment[]): string[] {
  const keys = new Set<string>();
  for (const found of schemasAt(schema, path)) {
    for (const objectSchema of objectsWithin(found)) {
      for (const key of Object.keys(objectSchema._zod.def.shape)) keys.add(key);
    }
  }
  return [...keys];
}

function schemasAt(schema: $ZodType, path: readonly PathSegment[]): $ZodType[] {
  if (path.length === 0) return [schema];
  const [segment, ...rest] = path;
  const children: $ZodType[] = [];
  for (const candidate of unwrapped(schema)) {
    const def = candidate._zod.def;
    if (def.type === "object" && typeof segment === "string") {
      const child = (def as z.core.$ZodObjectDef).shape[segment];
      if (child) children.push(child);
    } else if (def.type === "array" && typeof segment === "number") {
      children.push((def as z.core.$ZodArrayDef).element);
    } else if (def.type === "record") {
      children.push((def as z.core.$ZodRecordDef).valueType);
    }
  }
  return children.flatMap((child) => schemasAt(child, rest));
}

function objectsWithin(schema: $ZodType): z.core.$ZodObject[] {
  return unwrapped(schema).filter((s): s is z.core.$ZodObject => s._zod.def.type === "object");
}

/** A schema with its wrappers (optional, default, pipe, union, …) peeled off, one entry per union branch. */
function unwrapped(schema: $ZodType): $ZodType[] {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return unwrapped(def.innerType as $ZodType);
    case "pipe":
      return unwrapped(def.in as $ZodType);
    case "union":
      return (def.options as $ZodType[]).flatMap(unwrapped);
    case "lazy":
      return unwrapped((def.getter as () => $ZodType)());
    default:
      return [schema];
  }
}
