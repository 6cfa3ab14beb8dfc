// Sentence rules for French, Spanish, Italian and Portuguese. The lists are written for this project.
//
// A one-letter title ("M." for Monsieur, "D." for Don or Dona) is not listed as a title: the rules
// already treat a single letter as an initial that ends a sentence only before a typical opener,
// which keeps "M. Dupont" together and still breaks "Il mesurait 1,85 m. Il était grand." For the
// same reason no opener is a single letter ("A", "E", "O", "Y", the elided "C'", "L'", "D'"): it
// would split initials such as "J. A. Pérez". Italian sets its marks apart like French in some
// editions ("« Ciao! » disse"), so it has `spacedMarks` too.

extension SentenceRules {
  static let french = SentenceRules(
    titles: [
      "mm", "mme", "mmes", "mlle", "mlles", "me", "mgr", "dr", "pr", "st", "ste", "sts", "stes", "vve", "gal",
      "gén", "cdt", "col", "lt", "sgt", "cf", "env", "vs", "c.-à-d", "c-à-d", "p. ex", "ex", "av", "apr", "bd",
      "boul", "fg", "resp",
    ],
    ambiguous: [
      "etc", "cie", "al", "ibid", "id", "cit", "sq", "sqq", "suiv", "hab", "j.-b", "j.-c", "j.-f", "j.-j",
      "j.-l", "j.-m", "j.-p", "p.-j", "m.-a", "m.-c", "l.-f", "f.-x",
    ],
    numbered: [
      "p", "pp", "n", "no", "nos", "vol", "t", "ch", "chap", "fig", "art", "éd", "liv", "sect", "tél", "janv",
      "févr", "fév", "avr", "juil", "sept", "oct", "nov", "déc",
    ],
    sentenceStarters: [
      "À", "Ainsi", "Alors", "Après", "Au", "Aucun", "Aucune", "Aujourd", "Aussi", "Autrefois", "Aux", "Avant",
      "Avec", "Bien", "Bientôt", "Car", "Ce", "Ceci", "Cela", "Celui", "Celle", "Cependant", "Certains", "Certes",
      "Ces", "Cet", "Cette", "Chacun", "Chaque", "Chez", "Comme", "Comment", "Dans", "De", "Demain", "Depuis",
      "Des", "Déjà", "Donc", "Du", "Elle", "Elles", "En", "Encore", "Enfin", "Ensuite", "Entre", "Et", "Hier",
      "Ici", "Il", "Ils", "Jamais", "Je", "Jusqu", "La", "Là", "Le", "Les", "Leur", "Leurs", "Lorsqu", "Lorsque",
      "Lui", "Ma", "Mais", "Maintenant", "Malgré", "Même", "Mes", "Moi", "Mon", "Ne", "Ni", "Non", "Nos", "Notre",
      "Nous", "On", "Or", "Ou", "Où", "Oui", "Par", "Parce", "Parfois", "Pendant", "Personne", "Peu", "Peut",
      "Plus", "Plusieurs", "Pour", "Pourquoi", "Pourtant", "Puis", "Puisque", "Qu", "Quand", "Que", "Quel",
      "Quelle", "Quelques", "Qui", "Quoi", "Rien", "Sa", "Sans", "Selon", "Ses", "Si", "Son", "Soudain", "Souvent",
      "Sur", "Surtout", "Tandis", "Ton", "Toujours", "Tous", "Tout", "Toute", "Toutes", "Toutefois", "Tu", "Un",
      "Une", "Vers", "Voici", "Voilà", "Vos", "Votre", "Vous", "Ça",
    ],
    capitalizedPronouns: ["Il", "Elle", "Ils", "Elles", "On", "Je", "Tu", "Nous", "Vous"],
    speechVerbs: [
      "dit", "demanda", "répondit", "reprit", "ajouta", "cria", "murmura", "souffla", "chuchota", "hurla",
      "lança", "répliqua", "rétorqua", "soupira", "continua", "poursuivit", "expliqua", "déclara", "fit",
      "insista", "protesta", "observa", "interrompit", "balbutia", "grogna", "dis", "demande", "répond",
    ],
    dashDialogue: true,
    spacedMarks: true,
    elision: true)

  static let spanish = SentenceRules(
    titles: [
      "sr", "sra", "srta", "sres", "srs", "dña", "dr", "dra", "lic", "ing", "prof", "profa", "sto", "sta", "mons",
      "pbro", "fr", "gral", "cnel", "tte", "p. ej", "ej", "v. gr", "vid", "cf", "cfr", "aprox", "avda", "av",
      "ee", "ff",
    ],
    times: ["a.m", "p.m"],
    ambiguous: [
      "etc", "ud", "uds", "vd", "vds", "cía", "hnos", "ee. uu", "uu", "ff. aa", "aa", "a. c", "d. c", "a.c", "d.c",
      "s. a", "s.a", "al", "ibid", "íd", "cit", "ss", "sig", "sigs",
    ],
    numbered: [
      "núm", "n", "pág", "págs", "p", "pp", "cap", "caps", "vol", "vols", "t", "art", "fig", "ed", "párr", "párrf",
      "lib", "lun", "mié", "miérc", "jue", "vie", "sáb", "dom",
      "s", "tel", "ene", "feb", "mar", "abr", "jun", "jul", "ago", "sep", "sept", "set", "oct", "nov", "dic",
    ],
    sentenceStarters: [
      "Al", "Algo", "Alguien", "Algunos", "Algunas", "Allí", "Ahí", "Ahora", "Además", "Antes", "Apenas",
      "Aquel", "Aquella", "Aquello", "Aquí", "Así", "Aun", "Aunque", "Ayer", "Cada", "Casi", "Como", "Cómo",
      "Con", "Cuando", "Cuándo", "Cuál", "Cuánto", "De", "Del", "Desde", "Después", "Donde", "Dónde", "Durante",
      "El", "Él", "Ella", "Ellas", "Ellos", "En", "Entonces", "Entre", "Era", "Es", "Esa", "Ese", "Eso", "Esta",
      "Estaba", "Este", "Esto", "Estos", "Estas", "Fue", "Había", "Hacia", "Hasta", "Hay", "Hoy", "Incluso", "La",
      "Las", "Le", "Les", "Lo", "Los", "Luego", "Mañana", "Me", "Mi", "Mientras", "Mis", "Muchos", "Muy", "Nada",
      "Nadie", "Ni", "Ninguno", "No", "Nos", "Nosotros", "Nuestro", "Nuestra", "Nunca", "Otra", "Otro", "Otros",
      "Para", "Pero", "Poco", "Por", "Porque", "Pues", "Qué", "Que", "Quien", "Quién", "Quizá", "Quizás", "Se",
      "Según", "Si", "Sí", "Siempre", "Sin", "Sobre", "Solo", "Sólo", "Su", "Sus", "También", "Tampoco", "Tal",
      "Tan", "Te", "Todo", "Todos", "Todas", "Tras", "Tu", "Tú", "Un", "Una", "Unos", "Unas", "Usted", "Ustedes",
      "Ya", "Yo",
    ],
    capitalizedPronouns: ["Él", "Ella", "Ellos", "Ellas", "Yo", "Tú", "Nosotros", "Nosotras", "Usted", "Ustedes"],
    speechVerbs: [
      "dijo", "preguntó", "respondió", "contestó", "gritó", "susurró", "murmuró", "exclamó", "añadió", "replicó",
      "insistió", "explicó", "suspiró", "repitió", "pidió", "ordenó", "comentó", "admitió", "interrumpió",
      "continuó", "prosiguió", "balbuceó", "dice", "pregunta", "responde",
    ],
    dashDialogue: true)

  static let italian = SentenceRules(
    titles: [
      "sig", "sigg", "sig.ra", "sig.na", "sigra", "dott", "dott.ssa", "dr", "prof", "prof.ssa", "avv", "ing",
      "arch", "geom", "rag", "on", "mons", "gen", "col", "ten", "cav", "comm", "sen", "pres", "f.lli", "c.so",
      "p.zza", "v.le", "cfr", "es", "p. es", "ca", "vs", "dir", "amm", "psicol", "dott.ri", "avv.ti",
    ],
    ambiguous: [
      "ecc", "etc", "al", "ibid", "cit", "a.c", "d.c", "a. c", "d. c", "s.p.a", "s.r.l", "sec", "secc", "ss",
      "segg", "sgg",
    ],
    numbered: [
      "pag", "pagg", "p", "pp", "n", "nn", "cap", "capp", "vol", "voll", "fig", "figg", "tab", "art", "artt",
      "par", "tav", "tel", "gen", "genn", "feb", "febb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "sett",
      "ott", "nov", "dic",
    ],
    sentenceStarters: [
      "Adesso", "Al", "Alla", "Alcuni", "All", "Allora", "Anche", "Ancora", "Anzi", "Appena", "Certo", "Che",
      "Chi", "Ci", "Ciò", "Come", "Com", "Comunque", "Con", "Così", "Cosa", "Cos", "Da", "Dal", "Dalla", "Dall",
      "Del", "Della", "Dell", "Di", "Domani", "Dopo", "Dove", "Dov", "Dunque", "Durante", "È", "Ebbene", "Ecco",
      "Egli", "Ella", "Era", "Eppure", "Forse", "Fra", "Fu", "Già", "Gli", "Ieri", "Il", "In", "Infatti",
      "Infine", "Inoltre", "Insomma", "Intanto", "Invece", "Io", "La", "Là", "Le", "Lei", "Li", "Lì", "Lo", "Loro",
      "Lui", "Ma", "Mai", "Mentre", "Mi", "Mia", "Mio", "Molti", "Molto", "Ne", "Neanche", "Nel", "Nella", "Nell",
      "Nemmeno", "Nessuno", "Niente", "No", "Noi", "Non", "Nostro", "Nulla", "Oggi", "Ogni", "Ora", "Per",
      "Perché", "Però", "Poi", "Prima", "Qua", "Quale", "Qualcosa", "Qualcuno", "Quando", "Quanto", "Quel",
      "Quella", "Quello", "Quell", "Questa", "Questo", "Quest", "Qui", "Quindi", "Se", "Sempre", "Senza", "Si",
      "Sì", "Solo", "Su", "Sua", "Sul", "Sulla", "Suo", "Tra", "Tu", "Tuttavia", "Tutti", "Tutto", "Un", "Una",
      "Uno", "Voi",
    ],
    capitalizedPronouns: ["Lui", "Lei", "Loro", "Egli", "Ella", "Io", "Tu", "Noi", "Voi"],
    speechVerbs: [
      "disse", "chiese", "domandò", "rispose", "gridò", "urlò", "sussurrò", "mormorò", "esclamò", "aggiunse",
      "replicò", "spiegò", "sospirò", "ripeté", "continuò", "proseguì", "insistette", "ordinò", "osservò",
      "borbottò", "balbettò", "fece", "dice", "chiede", "risponde",
    ],
    dashDialogue: true,
    spacedMarks: true,
    elision: true)

  static let portuguese = SentenceRules(
    titles: [
      "sr", "sra", "srta", "srs", "sras", "dr", "dra", "drs", "prof", "profa", "eng", "arq", "exmo", "exma",
      "ilmo", "ilma", "pe", "fr", "sto", "sta", "gen", "cel", "ten", "av", "pç", "p. ex", "ex", "cf", "aprox",
      "i. e", "i.e", "e. g", "e.g", "vs",
    ],
    ambiguous: [
      "etc", "ltda", "cia", "s.a", "s. a", "a.c", "d.c", "a. c", "d. c", "séc", "al", "ibid", "cit", "exa",
      "v. exa", "v. ex",
    ],
    numbered: [
      "n", "núm", "pág", "págs", "p", "pp", "cap", "caps", "vol", "vols", "art", "fig", "tab", "ed", "s", "jan",
      "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez",
    ],
    sentenceStarters: [
      "À", "Às", "Afinal", "Agora", "Ainda", "Alguém", "Algo", "Alguns", "Ali", "Amanhã", "Antes", "Ao", "Aos",
      "Apenas", "Após", "Aqui", "Aquele", "Aquela", "Aquilo", "As", "Assim", "Até", "Cada", "Com", "Como",
      "Contudo", "Da", "Das", "De", "Depois", "Desde", "Do", "Dos", "Durante", "É", "Ela", "Elas", "Ele", "Eles",
      "Em", "Embora", "Enquanto", "Então", "Entre", "Entretanto", "Era", "Essa", "Esse", "Esta", "Estava",
      "Este", "Eu", "Finalmente", "Foi", "Há", "Havia", "Hoje", "Isso", "Isto", "Já", "Lá", "Lhe", "Logo", "Mas",
      "Me", "Mesmo", "Meu", "Minha", "Muito", "Muitos", "Na", "Nas", "Nada", "Nem", "Nenhum", "Ninguém", "No",
      "Nos", "Nós", "Não", "Nossa", "Nosso", "Num", "Numa", "Nunca", "Onde", "Ontem", "Os", "Ou", "Outra",
      "Outro", "Para", "Pela", "Pelo", "Pois", "Por", "Porém", "Porque", "Portanto", "Primeiro", "Qual",
      "Quando", "Quanto", "Que", "Quem", "Se", "Sem", "Sempre", "Seu", "Sim", "Só", "Sobre", "Sua", "Talvez",
      "Também", "Todas", "Todavia", "Todos", "Tudo", "Um", "Uma", "Umas", "Uns", "Você", "Vocês",
    ],
    capitalizedPronouns: ["Ele", "Ela", "Eles", "Elas", "Eu", "Tu", "Nós", "Você", "Vocês"],
    speechVerbs: [
      "disse", "perguntou", "respondeu", "gritou", "sussurrou", "murmurou", "exclamou", "acrescentou",
      "replicou", "retrucou", "explicou", "suspirou", "repetiu", "insistiu", "continuou", "prosseguiu", "pediu",
      "ordenou", "comentou", "indagou", "balbuciou", "diz", "pergunta", "responde",
    ],
    dashDialogue: true)
}
