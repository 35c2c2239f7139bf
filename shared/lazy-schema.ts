/**
 * zod schemas built at first use instead of at module load. Building zod 4 schemas is the largest
 * single part of an empty-folder start (every field is an object with its checks), although the
 * first screen parses only a few of them (docs/architecture.md, "Start-up").
 *
 * Both helpers return exactly what they are given, typed the same, so `z.infer`, `.extend`,
 * `.shape` and the contract's types do not change, and a schema validates the same once built.
 */
import { z } from 'zod';

/**
 * `z.object(build())`, with the fields built at the shape's first read (see `lazyShape`): the
 * object itself is made now, so it can be extended, wrapped and referenced like any other.
 */
export function lazyObject<S extends z.core.$ZodLooseShape>(
  build: () => S,
): z.ZodObject<z.core.util.Writeable<S>, z.core.$strip> {
  return z.object(lazyShape(build));
}

/**
 * A `z.object` shape whose fields are built when zod first reads the shape (the first parse,
 * `.shape`, `.extend`/`.pick` of it). zod copies the shape into a plain object on that first read
 * (`$ZodObject`), so parsing never goes through this proxy; only the copy does.
 */
export function lazyShape<S extends z.core.$ZodLooseShape>(build: () => S): S {
  let built: S | undefined;
  const shape = () => (built ??= build());
  return new Proxy({} as S, {
    get: (_target, key) => Reflect.get(shape(), key),
    has: (_target, key) => Reflect.has(shape(), key),
    ownKeys: () => Reflect.ownKeys(shape()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(shape(), key);
      // A proxy may not report a property of its (empty) target as non-configurable.
      return descriptor && { ...descriptor, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/** One channel of the IPC contract: `input` and `output` are built together when either is first read. */
export function channel<C extends { input: z.ZodType; output: z.ZodType }>(build: () => C): C {
  let built: C | undefined;
  const schemas = () => (built ??= build());
  return {
    get input() {
      return schemas().input;
    },
    get output() {
      return schemas().output;
    },
  } as C;
}

/**
 * `base.extend(build())`, with the base's and the new fields built at the shape's first read.
 * Only for a plain `z.object` base (no catchall, refinements or options), where extending is the
 * same as an object of both shapes; anything else throws when built, so it fails in any test.
 */
export function lazyExtend<Shape extends z.core.$ZodShape, Ext extends z.core.$ZodLooseShape>(
  base: z.ZodObject<Shape, z.core.$strip>,
  build: () => Ext,
): z.ZodObject<z.core.util.Extend<Shape, Ext>, z.core.$strip> {
  return z.object(
    lazyShape(() => {
      const extra = Object.keys(base._zod.def).filter((key) => key !== 'type' && key !== 'shape');
      if (extra.length) throw new Error(`lazyExtend needs a plain z.object base; this one has ${extra.join(', ')}`);
      return { ...base.shape, ...build() };
    }),
  ) as never;
}
