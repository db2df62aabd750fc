import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

/** Optional, but when present never null: for columns that cannot be NULL (`name`, `price`…). */
export const IsOptionalNotNull = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

const SPEC_TEXT = /^(?!\s)(?!.*\s$)[^\p{Cc}]{1,32}$/u;

/** `{ "颜色": "红", "尺码": "M" }`: at most 3 entries, names and values 1-32 printable characters. */
export function IsSpecValues(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSpecValues',
      validator: {
        validate: (value: unknown): boolean => {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value as Record<string, unknown>);
          return (
            entries.length <= 3 &&
            entries.every(([k, v]) => SPEC_TEXT.test(k) && typeof v === 'string' && SPEC_TEXT.test(v))
          );
        },
        defaultMessage: (args) =>
          `${args?.property ?? 'specs'} must be an object of up to 3 axis → value strings (1-32 characters each), e.g. {"颜色":"红"}`,
      },
    },
    options,
  );
}

/** Text without leading/trailing blanks or control characters (titles, names, spec values). */
export const PLAIN_TEXT = SPEC_TEXT;
/** An uploaded image (`media:<id>`, as /admin/media answers), a stored asset path (/api/v1/assets/…) or an http(s) URL. */
export const IMAGE_URL = /^(media:\d{1,12}(\/[0-9a-f]{16,64})?|(\/(?!\/)|https?:\/\/)[^\s"'<>\\]{1,500})$/;
