// Options read by key from the command's own definition, like discord-utils-bot's `argumentsOf`: a
// command declares its options once, and its handler gets `{ question?: string, private?: boolean }`
// typed from that declaration, never naming an option in a string again.
import {
  ApplicationCommandOptionType as OptionType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
} from 'discord-api-types/v10';

/** An option as a command declares it: the part of Discord's shape the kit reads, kept literal by `const` inference. */
export interface OptionSpec {
  readonly type: OptionType;
  readonly name: string;
  readonly description: string;
  readonly options?: readonly OptionSpec[];
}

type ValueOf<O> = O extends { type: OptionType.String | OptionType.Channel }
  ? string
  : O extends { type: OptionType.Integer | OptionType.Number }
    ? number
    : O extends { type: OptionType.Boolean }
      ? boolean
      : never;
type Leaves<O> = O extends { type: OptionType.Subcommand | OptionType.SubcommandGroup }
  ? O extends { options: readonly (infer I)[] }
    ? Leaves<I>
    : never
  : O;
type SubcommandOf<O> = O extends { type: OptionType.Subcommand; name: infer N }
  ? N
  : O extends { type: OptionType.SubcommandGroup; options: readonly (infer I)[] }
    ? SubcommandOf<I>
    : never;

/**
 * The values an interaction gives for `Os`, by option name, and the subcommand chosen where there are
 * subcommands. Every value may be absent: a payload is not trusted to honour `required`.
 */
export type ArgumentsOf<Os extends readonly OptionSpec[]> = { readonly [O in Leaves<Os[number]> as O extends { name: infer N extends string } ? N : never]?: ValueOf<O> } & ([
  SubcommandOf<Os[number]>,
] extends [never]
  ? unknown
  : { readonly subcommand?: SubcommandOf<Os[number]> });

type Given = readonly APIApplicationCommandInteractionDataOption[] | undefined;
type WithOptions = APIChatInputApplicationCommandInteraction | APIApplicationCommandAutocompleteInteraction;

function declared(options: readonly OptionSpec[], into = new Map<string, OptionType>()): Map<string, OptionType> {
  for (const o of options) {
    if (o.type === OptionType.Subcommand || o.type === OptionType.SubcommandGroup) declared(o.options ?? [], into);
    else into.set(o.name, o.type);
  }
  return into;
}

function fits(type: OptionType, value: unknown): boolean {
  if (type === OptionType.String || type === OptionType.Channel) return typeof value === 'string';
  if (type === OptionType.Boolean) return typeof value === 'boolean';
  if (type === OptionType.Integer) return typeof value === 'number' && Number.isInteger(value);
  if (type === OptionType.Number) return typeof value === 'number' && Number.isFinite(value);
  return false;
}

/** The declared options an interaction carries, each only when it has the declared type, inside subcommands too. */
export function readArguments<const Os extends readonly OptionSpec[]>(options: Os, interaction: WithOptions): ArgumentsOf<Os> {
  const types = declared(options);
  const out: Record<string, unknown> = {};
  const visit = (given: Given) => {
    for (const o of given ?? []) {
      if (o.type === OptionType.Subcommand || o.type === OptionType.SubcommandGroup) {
        if (o.type === OptionType.Subcommand) out.subcommand = o.name;
        visit(o.options as Given);
      } else if ('value' in o && types.get(o.name) === o.type && fits(o.type, o.value)) out[o.name] = o.value;
    }
  };
  visit(interaction.data.options as Given);
  return out as ArgumentsOf<Os>;
}

/** The option being typed in (autocomplete), at the top level or inside a subcommand. */
export function focusedOption(interaction: APIApplicationCommandAutocompleteInteraction): { name: string; value: string } | undefined {
  const find = (given: Given): { name: string; value: string } | undefined => {
    for (const o of given ?? []) {
      if ('focused' in o && o.focused === true) return { name: o.name, value: String(o.value ?? '') };
      const inner = 'options' in o && Array.isArray(o.options) ? find(o.options as Given) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  return find(interaction.data.options as Given);
}
