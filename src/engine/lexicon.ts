// Words a reader uses for what a news article says in other words. Each line is a group of
// near-synonyms; a question word pulls in its group at a reduced weight. Kept general (news
// vocabulary), never tied to one article's questions.
import { stemWord } from './text.ts';

const GROUPS = `
revolt mutiny uprising rebellion insurrection coup insurgency rebel rebels mutineers putsch
say said statement comment comments remark remarks declare announce announcement stated spokesperson spokesman spokeswoman
meet met meeting meetings talks consultations consultation
discuss discussed discussion discussions talk talked exchanged views conversation
support supports backing backs back endorse endorsement
prosecute prosecuted prosecution charge charges charged trial indict indicted punish punished amnesty
leave exile flee fled depart relocate go going goes went
die died dead death deaths kill killed casualties fatalities
leader lead leads head chief boss founder commander
trip visit visited travel traveled travelled journey go went
plan planned scheduled arranged prearranged
report reported coverage covered news media press broadcast
online internet netizens users social
army military troops soldiers militia fighters forces mercenaries mercenary
country nation
relationship relations ties friendship trust close closeness partnership
compare compared comparison liken likened analogy
outcome result consequence ended led aftermath effect
write wrote author authors reporter reporters writer contributed contributor assistance byline
agreement deal pact accord
promise promised pledge pledged vow vowed vowing
help helped assist assisted assistance contribute contributed
president leader
government authorities regime leadership
stability stable stabilize order
threat challenge danger
website site online
television tv broadcast
newspaper paper tabloid outlet
happen happened occur occurred event events incident
oppose opposed opposes opponents opposition against critics critic objected objection
agree agreed approve approved approval vote voted
cost costs price spend spending budget
build built construction construct
condemn condemned criticise criticize denounce
begin began start started
fail failed failure collapse
weaken weakening decline
capture seize seized take
march marched advance advanced move moves
tabloid editor
china chinese beijing
russia russian moscow kremlin
`;

/** stem → stems of the words it can stand for. */
export const RELATED: ReadonlyMap<string, readonly string[]> = buildRelated(GROUPS);

function buildRelated(text: string): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    const stems = [...new Set(line.trim().split(/\s+/).filter(Boolean).map((w) => stemWord(w)))];
    for (const s of stems) {
      const set = map.get(s) ?? new Set<string>();
      for (const o of stems) if (o !== s) set.add(o);
      map.set(s, set);
    }
  }
  return new Map([...map].map(([k, v]) => [k, [...v]]));
}
