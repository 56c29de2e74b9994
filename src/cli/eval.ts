/**
 * Scores the attribution engine: the seed gold list and PolNeAR.
 *
 *   npm run eval [-- --split train|dev] [--verbose]
 *
 * Prints a table, then one JSON line with the figures. Data is read from
 * ../shared next to the repository, or from WHOSAID_SHARED. Exit codes:
 * 0 scored, 1 data missing, 2 bad usage.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractStatements } from '../attribution/index.ts';
import { type BbcScore, buildBbcCorpus, loadBbcGold, scoreBbc, surnameOnlySpeakers } from '../eval/bbc.ts';
import {
  type BbcLinkScore,
  buildSeedCorpus,
  loadClaimLabels,
  type SeedLinkScore,
  scoreBbcLinks,
  scoreSeedLinks,
} from '../eval/claims.ts';
import { sharedDir } from '../eval/paths.ts';
import { type LineScore, loadPolnear, type PolnearScore, scorePolnear } from '../eval/polnear.ts';
import { type SeedScore, scoreSeeds } from '../eval/seeds.ts';

const USAGE = `Usage: npm run eval [-- --split train|dev] [--holdout] [--verbose]

  --split train|dev   PolNeAR split to score (default dev; "test" too, for
                      whoever holds the held-out split and puts it there)
  --holdout           also score the held-out part of the BBC development set
                      (articles numbered a multiple of four; not for tuning)
  --verbose           list misses: seed entries, missed or wrongly attributed
                      gold relations, and false positives (BBC: tuning part only)
  -h, --help          this help`;

const extract = (text: string) => extractStatements(text);

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function printSeeds(s: SeedScore, verbose: boolean): void {
  console.log('Seeds (../shared/eval/seed-gold.json)');
  console.log(`  required statements found   ${s.found}/${s.required}`);
  console.log(`  speaker correct             ${s.speaker}/${s.required}`);
  console.log(`  country correct             ${s.country}/${s.required}`);
  console.log(`  denial correct              ${s.denial}/${s.required}`);
  console.log(`  extra (false) statements    ${s.extras}   (of ${s.statements} emitted)`);
  if (!verbose) return;
  for (const r of s.results) {
    if (r.found && r.speaker && r.country && r.denial) continue;
    const wrong = [
      !r.found && 'not found',
      r.found && !r.speaker && 'speaker',
      r.found && !r.country && 'country',
      r.found && !r.denial && 'denial',
    ]
      .filter(Boolean)
      .join(', ');
    console.log(`    ${r.id}: ${wrong} — got ${r.got}`);
  }
  for (const e of s.extraTexts) console.log(`    extra: ${e}`);
}

function line(name: string, l: LineScore): string {
  return (
    `  ${name.padEnd(9)} gold ${String(l.gold).padStart(5)}  found ${String(l.found).padStart(5)}  ` +
    `R ${pct(l.recall).padStart(6)}  P ${pct(l.precision).padStart(6)} (${l.correct}/${l.predicted})  ` +
    `F1 ${pct(l.f1).padStart(6)}  speaker ${pct(l.speakerAccuracy).padStart(6)} (${l.speakerCorrect}/${l.withSource})`
  );
}

function printPolnear(split: string, p: PolnearScore, verbose: boolean, seconds: number): void {
  console.log(`PolNeAR ${split} (${p.docs} articles, ${seconds.toFixed(1)} s)`);
  console.log(line('direct', p.direct));
  console.log(line('indirect', p.indirect));
  const d = p.denials;
  console.log(
    `  denials   gold ${String(d.gold).padStart(5)}  found ${String(d.found).padStart(5)}  ` +
      `flagged as denial ${d.flagged}/${d.found}  (cue deny/reject/dismiss/refute/rebuff/rebut)`,
  );
  if (!verbose) return;
  for (const m of p.misses) {
    console.log(
      `    [${m.line}] ${m.what} ${m.doc}: ${m.detail}\n        ${m.text.replace(/\s+/g, ' ').slice(0, 300)}`,
    );
  }
}

function printBbc(b: BbcScore, verbose: boolean): void {
  const d = b.denials;
  const st = b.statements;
  console.log(`BBC development set, ${b.split} (${b.articles} articles)`);
  console.log(
    `  denials   gold ${String(d.gold).padStart(5)}  found ${String(d.found).padStart(5)}  ` +
      `R ${pct(d.recall).padStart(6)}  P ${pct(d.precision).padStart(6)} (${d.correct}/${d.predicted})  ` +
      `found under the right country ${pct(d.countryRecall)} (${d.foundWithCountry}/${d.gold})`,
  );
  const e = d.explicit;
  console.log(
    `    explicit (denial wording) R ${pct(e.gold ? e.found / e.gold : 0)} (${e.found}/${e.gold}); ` +
      `implicit R ${pct(d.gold - e.gold ? (d.found - e.found) / (d.gold - e.gold) : 0)} (${d.found - e.found}/${d.gold - e.gold})`,
  );
  const countries = Object.entries(d.byCountry).sort((x, y) => y[1].gold - x[1].gold);
  for (const [code, c] of countries) {
    const r = c.gold ? pct(c.found / c.gold) : '   -';
    const p = c.predicted ? pct(c.correct / c.predicted) : '   -';
    console.log(
      `    ${code.padEnd(4)} gold ${String(c.gold).padStart(4)}  R ${r.padStart(6)}  P ${p.padStart(6)} (${c.correct}/${c.predicted})`,
    );
  }
  console.log(
    `  statements by named politicians: gold ${st.gold}, found ${st.found}; of those found: ` +
      `with a country ${pct(st.found ? st.withCountry / st.found : 0)}, ` +
      `right country ${pct(st.found ? st.rightCountry / st.found : 0)} (${st.rightCountry}/${st.found}), ` +
      `right speaker ${pct(st.found ? st.rightSpeaker / st.found : 0)}`,
  );
  console.log(`  people split across speaker ids: ${b.identities.split.length} of ${b.identities.people}`);
  if (!verbose) return;
  for (const m of d.misses) console.log(`    missed: ${m}`);
  for (const f of d.falseAlarms) console.log(`    false:  ${f}`);
  for (const w of d.wrongCountry) console.log(`    denial country: ${w}`);
  for (const w of st.wrongCountries) console.log(`    country: ${w}`);
  for (const x of b.identities.split) console.log(`    split: ${x}`);
}

function printSeedLinks(links: SeedLinkScore, verbose: boolean): void {
  console.log(
    `  denials linked to Microsoft's claim ${links.toMicrosoft}/${links.denials}  (no link: ${links.unlinked})`,
  );
  if (verbose) for (const miss of links.misses) console.log(`    ${miss}`);
}

function printBbcLinks(split: string, l: BbcLinkScore, verbose: boolean): void {
  console.log(
    `  claim–denial links (${split}, ${l.labelled} labelled denials, ${l.found} found as denials): ` +
      `right ${pct(l.withClaim ? l.right / l.withClaim : 0)} (${l.right}/${l.withClaim}), wrong ${l.wrong}, none ${l.unlinked}; ` +
      `linked where the article states no claim ${l.falseLinks}/${l.withoutClaim}`,
  );
  if (verbose) for (const e of l.errors) console.log(`    ${e}`);
}

function linkFigures(l: BbcLinkScore) {
  return {
    labelled: l.labelled,
    found: l.found,
    withClaim: l.withClaim,
    right: l.right,
    wrong: l.wrong,
    unlinked: l.unlinked,
    withoutClaim: l.withoutClaim,
    falseLinks: l.falseLinks,
  };
}

function bbcFigures(b: BbcScore) {
  const r = (x: number) => Math.round(x * 10000) / 10000;
  const d = b.denials;
  const st = b.statements;
  return {
    articles: b.articles,
    denials: {
      gold: d.gold,
      found: d.found,
      predicted: d.predicted,
      recall: r(d.recall),
      precision: r(d.precision),
      countryRecall: r(d.countryRecall),
      explicitRecall: r(d.explicit.gold ? d.explicit.found / d.explicit.gold : 0),
    },
    politicians: {
      gold: st.gold,
      found: st.found,
      withCountry: r(st.found ? st.withCountry / st.found : 0),
      rightCountry: r(st.found ? st.rightCountry / st.found : 0),
    },
    splitPeople: b.identities.split.length,
  };
}

function round(l: LineScore) {
  const r = (x: number) => Math.round(x * 10000) / 10000;
  return {
    gold: l.gold,
    found: l.found,
    predicted: l.predicted,
    precision: r(l.precision),
    recall: r(l.recall),
    f1: r(l.f1),
    speakerAccuracy: r(l.speakerAccuracy),
  };
}

function main(argv: string[]): number {
  let values: { split?: string; verbose?: boolean; holdout?: boolean; help?: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: {
        split: { type: 'string' },
        verbose: { type: 'boolean' },
        holdout: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const split = values.split ?? 'dev';
  if (split !== 'train' && split !== 'dev' && split !== 'test') {
    console.error(`--split must be train or dev, not "${split}"\n\n${USAGE}`);
    return 2;
  }
  const shared = sharedDir();
  const seedGold = path.join(shared, 'eval', 'seed-gold.json');
  const polnearDir = path.join(shared, 'eval-data', 'polnear', split);
  if (!existsSync(seedGold) && !existsSync(polnearDir)) {
    console.error(`no evaluation data under ${shared} (set WHOSAID_SHARED to the shared folder)`);
    return 1;
  }
  const verbose = values.verbose === true;
  const figures: Record<string, unknown> = {};
  if (existsSync(seedGold)) {
    const seeds = scoreSeeds(shared, extract);
    printSeeds(seeds, verbose);
    const { results: _r, extraTexts: _e, ...counts } = seeds;
    const links = scoreSeedLinks(buildSeedCorpus(path.join(shared, 'seeds'), extractStatements));
    printSeedLinks(links, verbose);
    figures.seeds = { ...counts, links: { denials: links.denials, toMicrosoft: links.toMicrosoft } };
  } else console.log(`Seeds: ${seedGold} not found, skipped`);
  console.log('');
  if (existsSync(polnearDir)) {
    const started = performance.now();
    const docs = loadPolnear(polnearDir);
    const score = scorePolnear(docs, extract);
    printPolnear(split, score, verbose, (performance.now() - started) / 1000);
    figures.polnear = {
      split,
      docs: score.docs,
      direct: round(score.direct),
      indirect: round(score.indirect),
      denials: score.denials,
    };
  } else console.log(`PolNeAR ${split}: ${polnearDir} not found, skipped`);
  console.log('');
  const bbcDir = path.join(shared, 'corpora', 'bbc-news-2004-2005');
  if (existsSync(bbcDir)) {
    const started = performance.now();
    const corpus = buildBbcCorpus(bbcDir, ['politics', 'business'], extractStatements);
    const gold = loadBbcGold();
    const tune = scoreBbc(corpus, gold, 'tune');
    printBbc(tune, verbose);
    const claimLabels = loadClaimLabels();
    const tuneLinks = scoreBbcLinks(corpus, claimLabels, 'tune');
    printBbcLinks('tune', tuneLinks, verbose);
    figures.bbc = { tune: { ...bbcFigures(tune), links: linkFigures(tuneLinks) } };
    if (values.holdout) {
      const holdout = scoreBbc(corpus, gold, 'holdout');
      printBbc(holdout, false);
      const holdoutLinks = scoreBbcLinks(corpus, claimLabels, 'holdout');
      printBbcLinks('holdout', holdoutLinks, false);
      (figures.bbc as Record<string, unknown>).holdout = {
        ...bbcFigures(holdout),
        links: linkFigures(holdoutLinks),
      };
    }
    const surnames = surnameOnlySpeakers(corpus);
    console.log(
      `  whole corpus (politics + business, ${corpus.documents.length} articles, ${((performance.now() - started) / 1000).toFixed(1)} s): ` +
        `${corpus.speakers.size} speakers, ${surnames.length} bare surnames beside a full name`,
    );
    if (verbose) console.log(`    ${surnames.join(', ')}`);
  } else console.log(`BBC: ${bbcDir} not found, skipped`);
  console.log('');
  console.log(JSON.stringify(figures));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
