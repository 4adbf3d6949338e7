// Generic words a chat question leans on, on a made-up uncurated story: "ppl" is no subject the article
// must name, "another one" asks for a second of something (and "one" is not the stop word "on"), a
// "contract" is the "deal" the article reports, "getting" is as empty as "get", "going up" is rising and "go down" falling.
import { describe, it } from 'vitest';
import { expectAnswer, storyEngine } from './helpers/story.ts';

const STORY = `Ferry Service Returns to Port Ellen

The ferry to Port Ellen returned on Monday, ending a dispute between the operator and its crews that had lasted two years.

About 900 passengers travelled on the first day, the operator said.

The operator plans to run a second ferry on the route from next summer.

Under the three-year deal, crews will work no more than 12 hours a day.
`;

const FARES = `Tram Fares Frozen for a Year

The city's transport authority said on Friday that tram fares would not rise this year.

Work on the new tram line is going well, and up to 40 trams will run on it from May.

Parking charges in the centre will increase by 10 percent in April, the council said.

Passenger numbers fell by a fifth during the works on the main line.

The number of trams going down the main line each hour will double in May.
`;

const ferry = storyEngine(STORY);
const fares = storyEngine(FARES);

describe('generic words in chat questions', () => {
  it.each([
    [ferry, 'how long had ppl been arguing about it', 'lasted two years'],
    [ferry, 'is there gonna be another one', 'a second ferry'],
    [ferry, 'how long is the contract for', 'three-year deal'],
    // "getting" phrases the question as get and got do: it is no word the answer must contain
    [ferry, 'is port ellen getting a second ferry', 'a second ferry'],
    // "go up" and "go down"
    [fares, 'r tram fares going up??', 'fares would not rise'],
    [fares, 'did passenger numbers go down', 'fell by a fifth'],
  ])('%#: %s → %s', (engine, question, expected) => expectAnswer(engine, question, expected));
});
