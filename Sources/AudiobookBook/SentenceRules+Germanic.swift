// Sentence rules for German and Dutch. The lists are written for this project.
//
// German capitalizes every noun, so after "usw." or an initial only the openers below (articles,
// pronouns, conjunctions, adverbs) tip the balance to a stop; a noun or name reads on. Inside a
// German sentence these openers are written in lowercase, the polite "Sie" aside.

extension SentenceRules {
  static let german = SentenceRules(
    titles: [
      "hr", "hrn", "fr", "frl", "dr", "prof", "dipl", "dipl.-ing", "ing", "mag", "med", "phil", "jur", "rer",
      "nat", "pfr", "st", "hl", "gebr", "geb", "verw", "z. b", "z.b", "d. h", "d.h", "z. t", "z.t", "u. u", "u.u",
      "v. a", "v.a", "i. a", "a. d", "bzw", "vgl", "ca", "sog", "evtl", "ggf", "inkl", "exkl", "zzgl", "bzgl",
      "lt", "gem", "insb",
    ],
    ambiguous: [
      "usw", "usf", "etc", "u. a", "u.a", "u. ä", "u.ä", "o. ä", "o.ä", "dgl", "u. dgl", "str", "chr", "v. chr",
      "n. chr", "v.chr", "n.chr", "jh", "jhd", "jhdt", "mio", "mrd", "tsd", "hrsg", "ff", "s. o", "s. u", "co",
      "e. v", "e.v", "a. m",
    ],
    numbered: [
      "nr", "s", "bd", "bde", "kap", "abs", "art", "abb", "tab", "anm", "fn", "tel", "jg", "ziff", "jan", "feb",
      "febr", "mrz", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez",
    ],
    sentenceStarters: [
      "Aber", "Alle", "Alles", "Als", "Also", "Am", "An", "Auch", "Auf", "Aus", "Außerdem", "Bald", "Bei",
      "Beim", "Bis", "Da", "Dabei", "Dafür", "Daher", "Damals", "Damit", "Danach", "Dann", "Darauf", "Darum",
      "Das", "Dass", "Dein", "Deine", "Dem", "Den", "Denn", "Dennoch", "Der", "Des", "Deshalb", "Die", "Dies",
      "Diese", "Dieser", "Dieses", "Doch", "Dort", "Du", "Durch", "Ein", "Eine", "Einen", "Einer", "Eines",
      "Einige", "Einmal", "Endlich", "Er", "Es", "Etwas", "Für", "Gestern", "Heute", "Hier", "Ich", "Ihm", "Ihn",
      "Ihr", "Ihre", "Im", "Immer", "In", "Inzwischen", "Ja", "Jede", "Jeder", "Jedes", "Jedoch", "Jetzt", "Kein",
      "Keine", "Keiner", "Man", "Manche", "Mein", "Meine", "Mich", "Mir", "Mit", "Nach", "Nachdem", "Natürlich",
      "Nein", "Nicht", "Nichts", "Nie", "Niemand", "Noch", "Nun", "Nur", "Ob", "Obwohl", "Oder", "Plötzlich",
      "Schließlich", "Schon", "Sein", "Seine", "Seit", "Sie", "So", "Sobald", "Sonst", "Später", "Trotzdem", "Um",
      "Und", "Uns", "Unser", "Unsere", "Unter", "Viele", "Vielleicht", "Vom", "Von", "Vor", "Während", "Wann",
      "Warum", "Was", "Weil", "Welche", "Welcher", "Wenn", "Wer", "Wie", "Wieder", "Wir", "Wo", "Woher", "Wohin",
      "Zu", "Zuerst", "Zum", "Zur", "Zwar", "Über",
    ],
    capitalizedPronouns: ["Er", "Sie", "Es", "Wir", "Ihr", "Ich", "Du", "Man"],
    speechVerbs: [
      "sagte", "fragte", "rief", "antwortete", "erwiderte", "entgegnete", "flüsterte", "murmelte", "schrie",
      "brüllte", "meinte", "seufzte", "lachte", "befahl", "erklärte", "fügte", "fuhr", "bat", "wiederholte",
      "stammelte", "knurrte", "zischte", "sprach", "sagt", "fragt", "ruft",
    ],
    ordinalPeriod: true,
    extraClosingQuotes: ["“", "‘", "«", "‹"])

  static let dutch = SentenceRules(
    titles: [
      "dhr", "mevr", "mw", "mej", "dr", "drs", "prof", "ir", "ing", "mr", "ds", "st", "fa", "gebr", "o.a", "o. a",
      "bijv", "bv", "d.w.z", "m.b.t", "i.p.v", "t.a.v", "n.a.v", "m.a.w", "t.o.v", "i.v.m", "zgn", "z.g", "ca",
      "vgl", "resp", "nl", "vnl",
    ],
    ambiguous: [
      "enz", "etc", "e.d", "e.a", "e.o", "jl", "a.s", "chr", "v.chr", "n.chr", "v. chr", "n. chr", "b.v", "n.v",
      "ibid", "al",
    ],
    numbered: [
      "nr", "blz", "hfst", "afb", "fig", "dl", "art", "tel", "jan", "feb", "mrt", "apr", "jun", "jul", "aug",
      "sep", "sept", "okt", "nov", "dec",
    ],
    sentenceStarters: [
      "Aan", "Al", "Alle", "Alles", "Als", "Altijd", "Bij", "Bovendien", "Daar", "Daarna", "Daarom", "Dan",
      "Dat", "De", "Deze", "Die", "Dit", "Door", "Dus", "Echter", "Een", "Eerst", "Eindelijk", "Elke", "En", "Er",
      "Geen", "Gisteren", "Haar", "Heel", "Het", "Hier", "Hij", "Hoe", "Hoewel", "Hun", "Ieder", "Iedereen", "Ik",
      "In", "Inmiddels", "Intussen", "Ja", "Je", "Jij", "Jullie", "Later", "Maar", "Men", "Met", "Mijn",
      "Misschien", "Morgen", "Na", "Natuurlijk", "Nee", "Neen", "Niemand", "Niet", "Niets", "Nog", "Nooit", "Nu",
      "Of", "Ofschoon", "Om", "Omdat", "Ondanks", "Onder", "Ondertussen", "Ons", "Onze", "Ook", "Op", "Opeens",
      "Over", "Plotseling", "Sinds", "Soms", "Terwijl", "Tijdens", "Toch", "Toen", "Tot", "Uit", "Van", "Vandaag",
      "Veel", "Verder", "Vervolgens", "Volgens", "Voor", "Waar", "Waarom", "Wanneer", "Want", "Wat", "We", "Wel",
      "Welke", "Wie", "Wij", "Ze", "Zelfs", "Zij", "Zijn", "Zo", "Zodra", "Zonder",
    ],
    capitalizedPronouns: ["Hij", "Zij", "Ze", "Het", "Wij", "We", "Jij", "Je", "Ik", "Jullie"],
    speechVerbs: [
      "zei", "vroeg", "riep", "antwoordde", "fluisterde", "mompelde", "schreeuwde", "gilde", "zuchtte", "lachte",
      "vervolgde", "voegde", "herhaalde", "sprak", "stamelde", "bromde", "snauwde", "merkte", "legde", "zegt",
      "vraagt", "roept",
    ])
}
