/**
 * The example partnership (data/examples/safer-bromley.yaml) against the seeds it was typed from
 * (../shared/seeds/). Every expectation below is read out of the seed text, not copied from the YAML,
 * so a wrong or missing transcription fails.
 */
import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { PartnershipFileSchema } from "../../../src/features/partnership-file/partnership-file.schemas.ts";

const read = (url: URL) => readFileSync(url, "utf8");
const yamlText = read(
  new URL("../../../data/examples/safer-bromley.yaml", import.meta.url),
);
const SEED_PACK = read(
  new URL("../../../../shared/seeds/001_429c88fe3254fceb.txt", import.meta.url),
);
const SEED_P4 = read(
  new URL("../../../../shared/seeds/000_8eaaf1ddbbd98777.txt", import.meta.url),
);

const raw = parse(yamlText);
const parsed = PartnershipFileSchema.safeParse(raw);
if (!parsed.success)
  throw new Error(
    "the example does not validate: " +
      JSON.stringify(parsed.error.issues.slice(0, 5)),
  );
const file = parsed.data;

/** Markup-free, whitespace-collapsed text: the same on both sides of every comparison. */
function normalise(s: string): string {
  return s
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1") // markdown links
    .replace(/<[^>]+>/g, " ") // HTML tags
    .replace(/\*+/g, "") // markdown bold / italic markers
    .replace(/•/g, " ") // bullets
    .replace(/(^|\n)[ \t]*- /g, "$1 ") // markdown / normalised "- " bullets at line start
    .replace(/\s+/g, " ")
    .trim();
}
const straightQuotes = (s: string) =>
  s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');

const PACK = normalise(SEED_PACK);
const P4_AGAIN = straightQuotes(normalise(SEED_P4));

/** The normalised seed text of one priority's paper. */
function priorityPaper(n: number): string {
  const starts = [
    "Priority 1 – Safer Neighbourhoods",
    "Quarter Two (2022/23)- Progress Against Priority Two",
    "Priority 3 – Keeping Young People Safe Quarter 2",
    "Priority 4 – Stand Together Against Hate Crime and Extremism 2022/23",
    "DISCUSSION PAPER",
  ];
  const a = PACK.indexOf(starts[n - 1]!);
  const b = PACK.indexOf(starts[n]!, a + 1);
  expect(a, `start of priority ${n}`).toBeGreaterThan(0);
  expect(b, `end of priority ${n}`).toBeGreaterThan(a);
  return PACK.slice(a, b);
}

/**
 * Is `text` in `hay` verbatim, allowing it to be split in at most `maxPieces` pieces that follow one
 * another closely (text the file re-joined across a page break, where the seed has a RAG cell or page
 * furniture in between)? Each piece is at least 20 characters unless it is the whole text.
 */
function foundInPieces(text: string, hay: string, maxPieces = 3): boolean {
  let rest = normalise(text);
  let from = -1;
  for (let pieces = 0; rest.length; pieces++) {
    if (pieces === maxPieces) return false;
    const window = from < 0 ? hay : hay.slice(from, from + 8000);
    let lo = 0;
    let hi = rest.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (window.includes(rest.slice(0, mid))) lo = mid;
      else hi = mid - 1;
    }
    let len = lo;
    if (len < rest.length) {
      const cut = rest.lastIndexOf(" ", len);
      len = cut > 0 ? cut : 0;
    }
    if (len === 0 || (len < 20 && len < rest.length)) return false;
    const at = window.indexOf(rest.slice(0, len));
    from = (from < 0 ? 0 : from) + at + len;
    rest = rest.slice(len).trim();
  }
  return true;
}

const priorities = file.strategy!.priorities;
const commitments = priorities.flatMap((p) =>
  p.sections.flatMap((s) => s.commitments),
);
const narratives = file.updates.flatMap((u) =>
  u.narratives.map((n) => ({ ...n, ref: u.ref, period: u.period })),
);
const metric = (key: string) => {
  const m = file.metrics.find((x) => x.key === key);
  if (!m) throw new Error("no metric " + key);
  return m;
};

describe("the Safer Bromley example file", () => {
  it("validates against the partnership file schema", () => {
    expect(PartnershipFileSchema.safeParse(raw).success).toBe(true);
    expect(file.partnership.slug).toBe("safer-bromley");
    expect(file.partnership.name).toBe("Safer Bromley Partnership");
    expect(file.partnership.borough).toBe("Bromley");
  });

  it("holds every RAG word the seeds print, the plain four selectable", () => {
    const words = new Map(
      file.partnership.ragVocabulary.map((t) => [t.word, t]),
    );
    for (const w of [
      "Achieved",
      "Achieved and continues",
      "Achieved and ongoing",
      "Green",
      "Amber",
      "Red",
      "In Process",
      "Progress Made but more to do",
    ]) {
      // the word is printed in a seed (the two-line cell "Achieved\nand ongoing" included)
      expect(PACK.includes(w) || P4_AGAIN.includes(w), w).toBe(true);
      expect(words.has(w), w).toBe(true);
    }
    for (const w of ["Achieved", "Green", "Amber", "Red"])
      expect(words.get(w)!.selectable, w).toBe(true);
    expect(words.get("Achieved")!.status).toBe("ACHIEVED");
    expect(words.get("Red")!.status).toBe("RED");
    // every RAG word used in an update is in the vocabulary
    const lower = new Set([...words.keys()].map((w) => w.toLowerCase()));
    for (const u of file.updates)
      for (const w of u.rag ?? [])
        expect(lower.has(w.toLowerCase()), `${u.ref}: ${w}`).toBe(true);
  });

  it("has every numbered section of every priority, titled as printed", () => {
    for (const p of priorities) {
      const paper = priorityPaper(p.number);
      // headings "N. Title" in order: 1, 2, 3, ...
      const found: { n: number; at: number }[] = [];
      for (const m of paper.matchAll(/(?<![\d,.£])\b(\d{1,2})\. (?=[A-Z])/g)) {
        if (Number(m[1]) === found.length + 1)
          found.push({ n: Number(m[1]), at: m.index! + m[0].length });
      }
      expect(
        p.sections.map((s) => s.number),
        `priority ${p.number}`,
      ).toEqual(found.map((f) => f.n));
      for (const s of p.sections) {
        const at = found[s.number - 1]!.at;
        expect(
          paper.slice(at, at + s.title.length),
          `priority ${p.number} section ${s.number}`,
        ).toBe(normalise(s.title));
      }
    }
    expect(priorities.map((p) => p.sections.length)).toEqual([8, 8, 7, 10]);
  });

  it("gives every commitment a reference priority.section.item, and prints its text", () => {
    const refs = new Set<string>();
    for (const p of priorities) {
      const paper = priorityPaper(p.number);
      for (const s of p.sections) {
        expect(s.commitments.length).toBeGreaterThan(0);
        for (const c of s.commitments) {
          expect(c.ref.startsWith(`${p.number}.${s.number}.`), c.ref).toBe(
            true,
          );
          expect(refs.has(c.ref), `duplicate ${c.ref}`).toBe(false);
          refs.add(c.ref);
          if (c.ref.split(".").length === 4)
            expect(c.parent, c.ref).toBe(
              c.ref.split(".").slice(0, 3).join("."),
            );
          expect(foundInPieces(c.text, paper), `${c.ref}: ${c.text}`).toBe(
            true,
          );
        }
        // items are numbered 1, 2, 3 ... within a section
        const items = s.commitments
          .filter((c) => !c.parent)
          .map((c) => Number(c.ref.split(".")[2]));
        expect(items).toEqual(items.map((_, i) => i + 1));
      }
      expect(
        foundInPieces(p.aims!, paper),
        `aims of priority ${p.number}`,
      ).toBe(true);
      expect(
        paper.includes(normalise(p.leadPartners!)),
        `lead partners of ${p.number}`,
      ).toBe(true);
    }
    expect(refs.has("2.3.1")).toBe(true);
    expect(commitments.find((c) => c.ref === "2.3.1")!.text).toBe(
      "Improving the response to victims by developing mechanisms to capture data in addition to that provided by the Police;",
    );
    // owners and leads are services the file defines
    const services = new Set(file.services.map((s) => s.name));
    for (const c of commitments)
      for (const o of [...c.owners, c.lead!])
        expect(services.has(o), `${c.ref}: ${o}`).toBe(true);
  });

  it("has the minutes of 17 August 2022, numbers 20-33, titled as printed", () => {
    const printed = [
      ...SEED_PACK.matchAll(
        /^(\d{2})\t(?:<p>)?([A-Z][A-Z0-9 :,\-]+?)(?:<\/p>|\t)/gm,
      ),
    ].map((m) => ({ number: Number(m[1]), title: m[2]!.trim() }));
    expect(printed.map((m) => m.number)).toEqual([
      20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33,
    ]);
    const meeting = file.meetings.find(
      (m) => m.startsAt === "2022-08-17T10:00",
    )!;
    expect(meeting.status).toBe("held");
    expect(
      meeting.minutes.map((m) => ({ number: m.number, title: m.title })),
    ).toEqual(printed);
    const lines = SEED_PACK.split("\n");
    for (const m of meeting.minutes) {
      // the minute's own rows of the seed: from its number to the next one (or the end of the meeting)
      const from = lines.findIndex((l) => l.startsWith(`${m.number}\t`));
      const to = lines.findIndex(
        (l, i) =>
          i > from &&
          (l.startsWith(`${m.number + 1}\t`) ||
            l.startsWith("The Meeting ended")),
      );
      const printedMinute = normalise(lines.slice(from, to).join("\n"));
      expect(foundInPieces(m.text, printedMinute), `minute ${m.number}`).toBe(
        true,
      );
      if (m.resolution) {
        expect(m.text.split("\n\n"), `minute ${m.number}`).toContain(
          m.resolution,
        );
        expect(printedMinute.includes(m.resolution), `minute ${m.number}`).toBe(
          true,
        );
      } else {
        expect(printedMinute.includes("RESOLVED"), `minute ${m.number}`).toBe(
          false,
        );
      }
    }
    expect(
      meeting.minutes.filter((m) => m.resolution).map((m) => m.number),
    ).toEqual([23, 25, 26, 27, 28, 29, 30]);
  });

  it("holds the actions of 17 August 2022: 26 and 30 open (as Matters Arising lists them), the rest closed", () => {
    const meeting = file.meetings.find(
      (m) => m.startsAt === "2022-08-17T10:00",
    )!;
    const actions = meeting.minutes.flatMap((m) =>
      m.actions.map((a) => ({ ...a, minute: m.number })),
    );
    const open = actions.filter((a) => a.status === "open");
    expect(open.map((a) => a.minute)).toEqual([26, 30]);
    expect(open[0]!.owners).toEqual([
      { person: "Mimi Morris-Cotterill", asWritten: "Mimi Morris-Cotterill" },
    ]);
    expect(open[1]!.owners).toEqual([{ role: "chair", asWritten: "Chair." }]);
    for (const a of open) {
      // the update is the Matters Arising "Update" column, as printed
      expect(a.updates).toHaveLength(1);
      expect(a.updates[0]!.date).toBe("2022-10-19");
      expect(a.updates[0]!.author).toBe("Steve Wood");
      // Appendix A of the Matters Arising report: "Minute N 17 th August 2022 | matter arising | update"
      const row = SEED_PACK.split("\n").find((l) =>
        l.startsWith(`Minute ${a.minute} `),
      )!;
      expect(row, `matters arising for ${a.minute}`).toBeDefined();
      expect(
        normalise(row).includes(a.text),
        `matters arising for ${a.minute}`,
      ).toBe(true);
      expect(
        row.endsWith("\t" + a.updates[0]!.text),
        `update for ${a.minute}`,
      ).toBe(true);
    }
    const closed = actions.filter((a) => a.status === "closed");
    expect([...new Set(closed.map((a) => a.minute))]).toEqual([
      23, 26, 29, 31, 33,
    ]);
    for (const a of closed) {
      expect(a.closedOn).toBe("2022-10-26");
      expect(a.note).toMatch(/^assumption:/);
    }
    for (const a of actions)
      expect(PACK.includes(normalise(a.text)), `action of ${a.minute}`).toBe(
        true,
      );
  });

  it("has every member of the Strategic Group list, once, with the title as listed", () => {
    const list = SEED_PACK.slice(
      SEED_PACK.indexOf("STRATEGIC GROUP") + 15,
      SEED_PACK.indexOf("A meeting of the Safer Bromley Partnership Board"),
    )
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    expect(list).toHaveLength(36); // Councillor Angela Page twice
    const expected = new Map<
      string,
      { title: string; honorific?: string; organisation?: string }
    >();
    for (const line of list) {
      let [name, rest] = [
        line.slice(0, line.indexOf(",")),
        line.slice(line.indexOf(",") + 1).trim(),
      ];
      let honorific: string | undefined;
      if (!line.includes(",")) {
        // "Councillor Angela Page ((LBB Portfolio Holder ...))"
        name = line.slice(0, line.indexOf(" (("));
        rest = line.slice(line.indexOf(" ((") + 1);
      }
      if (name.startsWith("Councillor ")) {
        honorific = "Councillor";
        name = name.slice("Councillor ".length);
      }
      rest = rest.replace(/ \((Chairman|Vice-Chairman)\)$/, "");
      let organisation: string | undefined;
      const trailing = rest.match(/^\(([^()]+)\) (\S.*)$/); // "(title) Organisation"
      if (trailing) {
        rest = trailing[1]!;
        organisation = trailing[2];
      }
      while (/^\(.*\)$/.test(rest)) rest = rest.slice(1, -1);
      expected.set(name, { title: rest, honorific, organisation });
    }
    expect(expected.size).toBe(35);
    const members = file.people.filter((p) => p.membership === "member");
    for (const [name, want] of expected) {
      const matches = file.people.filter((p) => p.name === name);
      expect(matches, name).toHaveLength(1);
      const p = matches[0]!;
      expect(p.membership, name).toBe("member");
      expect(p.title, name).toBe(want.title);
      expect(p.honorific, name).toBe(want.honorific);
      if (want.organisation)
        expect(p.organisation, name).toBe(want.organisation);
      expect(p.email, name).toBe(
        name.toLowerCase().replace(/'/g, "").replace(/ /g, ".") +
          "@example.org",
      );
    }
    // the members are the list plus the clerk
    expect(members.map((p) => p.name).sort()).toEqual(
      [...expected.keys(), "Steve Wood"].sort(),
    );
    const roles = (n: string) => file.people.find((p) => p.name === n)!.roles;
    expect(roles("Louise Watkinson")).toEqual(["chair"]);
    expect(roles("Ken Loyal")).toEqual(["vice-chair"]);
    expect(roles("Sarah Newman")).toEqual(["officer"]);
    expect(roles("Steve Wood")).toEqual(["officer", "clerk"]);
    expect(SEED_PACK.includes("Contact for this Agenda: Steve Wood")).toBe(
      true,
    );
  });

  it("records the attendance of 17 August 2022 as the minutes print it", () => {
    const meeting = file.meetings.find(
      (m) => m.startsAt === "2022-08-17T10:00",
    )!;
    const name = (a: string | { name: string }) =>
      typeof a === "string" ? a : a.name;
    const section = (from: string, to: string) =>
      SEED_PACK.slice(
        SEED_PACK.indexOf(from),
        SEED_PACK.indexOf(to, SEED_PACK.indexOf(from)),
      );
    const present = section("Present:", "Also Present:");
    const also = section("Also Present:", "20\tWELCOME");
    for (const a of meeting.attendance.present)
      expect(present.includes(name(a)), name(a)).toBe(true);
    for (const a of meeting.attendance.alsoPresent)
      expect(also.includes(name(a)), name(a)).toBe(true);
    expect(meeting.attendance.present).toHaveLength(
      present
        .split("\n")
        .filter(
          (l) =>
            /^[A-Z][a-z]/.test(l) && l !== "Present:" && l !== "(Chairman)",
        ).length,
    );
    expect(meeting.attendance.alsoPresent).toHaveLength(10);
    for (const a of [
      ...meeting.attendance.present,
      ...meeting.attendance.alsoPresent,
    ]) {
      if (typeof a !== "string" && a.titleAsWritten)
        expect(
          present.includes(a.titleAsWritten) || also.includes(a.titleAsWritten),
          a.name,
        ).toBe(true);
    }
    // people named there who are not members are attendees
    for (const n of [
      "David Cartwright",
      "Josh King",
      "Ruth McGregor",
      "Tony Owen",
      "Finola O'Driscoll",
      "Vicky West",
      "Kerry Nicholls",
      "Jared Nehra",
      "Steve Phillips",
    ]) {
      expect(file.people.find((p) => p.name === n)?.membership, n).toBe(
        "attendee",
      );
    }
    expect(meeting.attendance.apologies.map(name)).toEqual([
      "David Dare",
      "Chrissie Mason",
      "Jared Nehra",
      "Steve Phillips",
    ]);
  });

  it("has the meetings of 26 May, 17 August, 27 October 2022 and 4 January 2023", () => {
    expect(file.meetings.map((m) => [m.startsAt, m.status])).toEqual([
      ["2022-05-26T10:00", "held"],
      ["2022-08-17T10:00", "held"],
      ["2022-10-27T10:30", "scheduled"],
      ["2023-01-04T10:30", "scheduled"],
    ]);
    const oct = file.meetings[2]!;
    expect(
      PACK.includes(
        `held in the ${oct.place} on THURSDAY 27 OCTOBER 2022 at 10.30 am`,
      ),
    ).toBe(true);
    expect(oct.agenda.map((a) => a.number)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "5a",
      "5b",
      "5c",
      "5d",
      "6",
      "7",
      "7a",
      "8",
      "9",
      "10",
      "11",
      "12",
      "13",
    ]);
    for (const a of oct.agenda) {
      expect(PACK.includes(a.title), a.title).toBe(true);
      if (a.presenter)
        expect(PACK.includes(a.presenter), a.presenter).toBe(true);
    }
    expect(PACK.includes("meet next on 4th January 2023 at 10.30am")).toBe(
      true,
    );
  });

  it("holds the nine rows of the crime performance table as printed", () => {
    const lines = SEED_PACK.split("\n");
    const header = lines.findIndex((l) => l.startsWith("Category\t"));
    const [, labelA, labelB] = lines[header]!.split("\t");
    expect([labelA, labelB]).toEqual([
      "Rolling Year Jan 21",
      "Rolling Year Jan 22",
    ]);
    const rows = lines.slice(header + 1, header + 10).map((l) => l.split("\t"));
    expect(rows).toHaveLength(9);
    for (const [category, a, b, change] of rows) {
      const m = file.metrics.find((x) => x.name === category);
      expect(m, category).toBeDefined();
      const fa = m!.figures.find((f) => f.label === labelA)!;
      const fb = m!.figures.find((f) => f.label === labelB)!;
      expect([fa.kind, fa.end, fa.value], category).toEqual([
        "rolling-year",
        "2021-01",
        Number(a!.replace(/,/g, "")),
      ]);
      expect([fb.kind, fb.end, fb.value], category).toEqual([
        "rolling-year",
        "2022-01",
        Number(b!.replace(/,/g, "")),
      ]);
      expect(fb.publishedChange, category).toBe(change);
      expect(fb.publishedRag, category).toBeUndefined(); // the RAG column is empty
    }
    expect(metric("total-notifiable-offences").aliases).toContain("TNO");
    expect(metric("non-domestic-violence-with-injury").aliases).toContain(
      "NDVWI",
    );
  });

  it("holds the hate crime table of Priority 4 as printed (both seeds)", () => {
    expect(
      SEED_PACK.includes(
        "<tr><td>Rolling Year Jan 21</td><td>% Difference on previous year</td></tr><tr><td>513</td><td>+16% (441)</td></tr>",
      ),
    ).toBe(true);
    expect(
      SEED_P4.includes(
        "Rolling Year Jan 21\t% Difference on previous year\t\t\n513\t+16% (441)",
      ),
    ).toBe(true);
    const hate = metric("hate-crime");
    const jan21 = hate.figures.find((f) => f.end === "2021-01")!;
    expect([jan21.label, jan21.value, jan21.publishedChange]).toEqual([
      "Rolling Year Jan 21",
      513,
      "+16% (441)",
    ]);
    expect(hate.figures.find((f) => f.end === "2020-01")!.value).toBe(441);
    expect(hate.goodDirection).toBe("up");
    expect(hate.priority).toBe(4);
    const u = file.updates.find(
      (x) => x.ref === "4.8.6" && x.period === "Q2 2022/23",
    )!;
    expect(u.rag).toEqual(["In Process", "Achieved"]);
    expect(
      SEED_P4.includes("The Reporting of Hate Crime\t\tIn Process\tAchieved"),
    ).toBe(true);
  });

  it("keeps the two published % changes that disagree with their own figures as printed", () => {
    const row = (category: string) =>
      SEED_PACK.split("\n")
        .find((l) => l.startsWith(category + "\t"))!
        .split("\t");
    for (const [key, category, printed, computed] of [
      ["total-notifiable-offences", "Total Notifiable Offences", "+14", 15],
      ["hate-crime", "Hate Crime", "+44", 57],
    ] as const) {
      const [, a, b, change] = row(category);
      expect(change).toBe(printed);
      const fa = metric(key).figures.find((f) => f.end === "2021-01")!;
      const fb = metric(key).figures.find((f) => f.end === "2022-01")!;
      expect(fb.publishedChange).toBe(printed);
      expect([fa.value, fb.value]).toEqual([
        Number(a!.replace(/,/g, "")),
        Number(b!.replace(/,/g, "")),
      ]);
      const real = Math.round(((fb.value - fa.value) / fa.value) * 100);
      expect(real).toBe(computed);
      expect(`+${real}`).not.toBe(printed);
      expect(metric(key).note).toContain("disagrees");
    }
  });

  it("maps police-recorded categories to the Met Police file categories", () => {
    const csv = read(
      new URL(
        "../../../../shared/data/mps/mps_borough_historical_201004-202311_4boroughs.csv",
        import.meta.url,
      ),
    );
    const pairs = new Set(
      csv
        .split("\n")
        .slice(1)
        .filter(Boolean)
        .map((l) => l.split(",").slice(0, 2).join("|")),
    );
    const majors = new Set([...pairs].map((p) => p.split("|")[0]));
    for (const m of file.metrics) {
      for (const c of m.policeCategories ?? []) {
        if (c.minor)
          expect(
            pairs.has(`${c.major}|${c.minor}`),
            `${m.key}: ${c.major}/${c.minor}`,
          ).toBe(true);
        else expect(majors.has(c.major), `${m.key}: ${c.major}`).toBe(true);
      }
    }
    expect(metric("theft-of-motor-vehicles").policeCategories).toEqual([
      {
        major: "VEHICLE OFFENCES",
        minor: "THEFT OR UNAUTH TAKING OF A MOTOR VEH",
      },
    ]);
    expect(metric("total-burglary").policeCategories).toEqual([
      { major: "BURGLARY" },
    ]);
  });

  it("quotes at least ten published figures, across all four priorities, as printed", () => {
    const fmt = (v: number) => [
      String(v),
      v.toLocaleString("en-GB"),
      v.toLocaleString("en-GB", { minimumFractionDigits: 2 }),
    ];
    const quoted = file.metrics.flatMap((m) =>
      m.figures
        .filter((f) => /: "/.test(f.source ?? ""))
        .map((f) => ({
          m,
          f,
          quote: f.source!.slice(f.source!.indexOf(': "') + 3, -1),
        })),
    );
    for (const { m, f, quote } of quoted) {
      expect(
        PACK.includes(normalise(quote)),
        `${m.key} ${f.label}: ${quote}`,
      ).toBe(true);
      expect(
        fmt(f.value).some((s) => quote.includes(s)),
        `${m.key} ${f.label} ${f.value} in "${quote}"`,
      ).toBe(true);
    }
    expect(quoted.length).toBeGreaterThanOrEqual(10);
    expect(new Set(quoted.map((q) => q.m.priority))).toEqual(
      new Set([1, 2, 3, 4]),
    );
  });

  it("types every narrative as printed, and at least fifteen of them whole", () => {
    let whole = 0;
    const wholeByPriority = new Map<string, number>();
    for (const n of narratives) {
      const printed = n.label ? `${n.label}\n${n.text}` : n.text;
      const paper = priorityPaper(Number(n.ref[0]));
      // every paragraph is printed, re-joined at most twice across page breaks
      for (const para of printed.split("\n\n"))
        expect(
          foundInPieces(para, paper),
          `${n.ref} ${n.period}: ${para.slice(0, 80)}`,
        ).toBe(true);
      if (paper.includes(normalise(printed))) {
        whole++;
        wholeByPriority.set(
          n.ref[0]!,
          (wholeByPriority.get(n.ref[0]!) ?? 0) + 1,
        );
      }
      expect(n.text).not.toMatch(
        /<[a-z/]|\*\*|This page is left intentionally blank/,
      );
    }
    expect(whole).toBeGreaterThanOrEqual(15);
    for (const p of ["1", "2", "3", "4"])
      expect(
        wholeByPriority.get(p) ?? 0,
        `priority ${p}`,
      ).toBeGreaterThanOrEqual(3);
  });

  it("prints the Priority 4 narratives in the second seed too", () => {
    const garbled = new Set(["4.8.5", "4.8.6"]); // cells the conversion of seed 000 scrambled
    for (const n of narratives.filter(
      (x) => x.ref.startsWith("4.") && !garbled.has(x.ref),
    )) {
      const printed = straightQuotes(
        n.label ? `${n.label}\n${n.text}` : n.text,
      );
      expect(
        foundInPieces(printed, P4_AGAIN),
        `${n.ref}: ${printed.slice(0, 80)}`,
      ).toBe(true);
    }
  });

  it("keeps the period lines as printed: label + text reproduces the line", () => {
    const lines = narratives.filter(
      (n) => n.kind !== "background" && n.kind !== "case-study" && n.label,
    );
    expect(lines.length).toBeGreaterThan(20);
    for (const n of lines) {
      expect(
        foundInPieces(`${n.label} ${n.text}`, PACK),
        `${n.ref}: ${n.label} ${n.text}`,
      ).toBe(true);
      if (!n.text.includes("\n"))
        expect(
          PACK.includes(normalise(`${n.label} ${n.text}`)),
          `${n.ref}: ${n.label} ${n.text}`,
        ).toBe(true);
      expect(n.period).toBe(/^Q1/.test(n.label!) ? "Q1 2022/23" : "Q2 2022/23");
    }
    expect(
      narratives.filter((n) => n.kind === "not-requested").length,
    ).toBeGreaterThanOrEqual(10);
    expect(
      narratives.some(
        (n) =>
          n.kind === "not-provided" &&
          n.label === "Q2 Updates" &&
          n.text === "not provided",
      ),
    ).toBe(true);
    expect(narratives.filter((n) => n.kind === "case-study")).toHaveLength(2);
  });

  it('treats the Priority 4 paper (headed "2022/23 Quarter 4 – Update") as the Q2 2022/23 update', () => {
    expect(SEED_P4.includes("2022/23 Quarter 4 – Update")).toBe(true);
    expect(PACK.includes("Extremism 2022/23 Quarter 4 – Update")).toBe(true);
    const q2 = file.periods.find((p) => p.period === "Q2 2022/23")!;
    expect(q2.note).toContain("2022/23 Quarter 4 – Update");
    const p4 = file.updates.filter((u) => u.ref.startsWith("4."));
    expect(new Set(p4.map((u) => u.period))).toEqual(
      new Set(["Q1 2022/23", "Q2 2022/23"]),
    );
    expect(file.periods.map((p) => p.period)).toEqual([
      "Q1 2022/23",
      "Q2 2022/23",
    ]);
  });

  it("marks the choices the seeds do not state as assumptions", () => {
    expect((yamlText.match(/# assumption:/g) ?? []).length).toBeGreaterThan(50);
    for (const s of file.services.filter((x) => x.answeredBy.length))
      expect(s.note, s.name).toMatch(/^assumption:/);
    const people = new Set(file.people.map((p) => p.name));
    for (const s of file.services)
      for (const who of s.answeredBy)
        expect(people.has(who), `${s.name}: ${who}`).toBe(true);
    expect(file.services.find((s) => s.name === "All Partners")).toMatchObject({
      kind: "group",
      allMembers: true,
    });
  });
});
