// Sentence rules for Polish and Russian. The lists are written for this project.
//
// Both languages write names with initials ("A. S. Puszkin", "А. С. Пушкин") and have one-letter
// prepositions and conjunctions ("W", "Z", "A", "I"; "В", "С", "К", "О", "И", "А"). Those letters
// are left out of the openers below: as openers they would split every name written with initials.
// Polish "dr", "mgr", "nr" take no period (the abbreviation ends in the word's last letter), but
// are listed for texts that add one.

extension SentenceRules {
  static let polish = SentenceRules(
    titles: [
      "prof", "dr", "mgr", "inż", "doc", "hab", "ks", "św", "gen", "kpt", "por", "red", "ul", "al", "pl", "os",
      "np", "tzw", "tj", "tzn", "m.in", "zob", "ww",
    ],
    ambiguous: [
      "itd", "itp", "etc", "cdn", "jw", "in", "ok", "rr", "tys", "mln", "mld", "gr", "n.e", "p.n.e", "n. e",
    ],
    numbered: [
      "nr", "s", "str", "t", "rozdz", "rys", "tab", "poz", "pkt", "ust", "art", "par", "godz", "tel", "sty",
      "stycz", "lut", "mar", "marz", "kwi", "kwiet", "cze", "czerw", "lip", "sie", "sierp", "wrz", "wrzes",
      "paź", "paźdz", "lis", "listop", "gru", "grudz",
    ],
    sentenceStarters: [
      "Aby", "Ale", "Bez", "Bo", "Był", "Była", "Było", "Byli", "Chociaż", "Choć", "Co", "Coś", "Czasem", "Czemu",
      "Czy", "Często", "Dla", "Dlaczego", "Do", "Dokąd", "Dopiero", "Dziś", "Dzisiaj", "Gdy", "Gdyby", "Gdzie",
      "Ich", "Ja", "Jak", "Jakiś", "Jako", "Jednak", "Jego", "Jej", "Jest", "Jeszcze", "Jeśli", "Jeżeli", "Jutro",
      "Już", "Każda", "Każdy", "Kiedy", "Kilka", "Kto", "Ktoś", "Która", "Które", "Który", "Lecz", "Mi", "Mimo",
      "Moja", "Może", "Mu", "My", "Mój", "Na", "Nad", "Nagle", "Najpierw", "Nasz", "Nasza", "Następnie",
      "Natomiast", "Nawet", "Nic", "Nie", "Niektórzy", "Nigdy", "Nikt", "Oczywiście", "Od", "On", "Ona", "One",
      "Oni", "Ono", "Oto", "Po", "Pod", "Podczas", "Ponieważ", "Potem", "Poza", "Później", "Przed", "Przez",
      "Przy", "Również", "Skąd", "Są", "Ta", "Tak", "Także", "Tam", "Te", "Tego", "Ten", "Teraz", "Też", "To",
      "Tu", "Tutaj", "Ty", "Tylko", "Wczoraj", "We", "Według", "Wiele", "Więc", "Wreszcie", "Wszyscy",
      "Wszystko", "Wtedy", "Wy", "Za", "Zatem", "Zawsze", "Ze", "Zresztą", "Żeby",
    ],
    capitalizedPronouns: ["On", "Ona", "Ono", "Oni", "One", "Ja", "Ty", "My", "Wy"],
    speechVerbs: [
      "powiedział", "powiedziała", "zapytał", "zapytała", "spytał", "spytała", "odpowiedział", "odpowiedziała",
      "odparł", "odparła", "krzyknął", "krzyknęła", "zawołał", "zawołała", "szepnął", "szepnęła", "mruknął",
      "mruknęła", "dodał", "dodała", "westchnął", "westchnęła", "rzekł", "rzekła", "wyjaśnił", "wyjaśniła",
      "stwierdził", "stwierdziła", "powtórzył", "powtórzyła", "wtrącił", "wtrąciła", "mówi", "pyta",
    ],
    ordinalPeriod: true,
    dashDialogue: true)

  static let russian = SentenceRules(
    titles: [
      "т. е", "т.е", "т. к", "т.к", "т. н", "т.н", "т. о", "и. о", "им", "проф", "акад", "доц", "ген", "св", "ул",
      "пер", "просп", "наб", "пл", "см", "ср", "напр", "тов", "гр", "ок",
    ],
    ambiguous: [
      "т. д", "т.д", "т. п", "т.п", "др", "пр", "н. э", "н.э", "тыс", "руб", "коп", "долл", "гг", "вв", "обл",
      "ст",
    ],
    numbered: [
      "гл", "с", "стр", "рис", "табл", "т", "ч", "кв", "д", "п", "вып", "янв", "фев", "февр", "мар", "апр", "авг",
      "сент", "окт", "нояб", "дек",
    ],
    sentenceStarters: [
      "Был", "Была", "Было", "Были", "Вдруг", "Ведь", "Везде", "Весь", "Вот", "Впрочем", "Все", "Всегда",
      "Вскоре", "Всё", "Вся", "Вчера", "Во", "Вы", "Где", "Да", "Даже", "Для", "До", "Его", "Ее", "Её", "Ей",
      "Ему", "Если", "Есть", "Еще", "Ещё", "За", "Завтра", "Затем", "Зато", "Зачем", "Здесь", "Из", "Или", "Им",
      "Иногда", "Их", "Итак", "Как", "Какая", "Какой", "Когда", "Конечно", "Кроме", "Кто", "Куда", "Лишь",
      "Между", "Меня", "Мне", "Многие", "Может", "Мой", "Моя", "Мы", "На", "Над", "Наконец", "Нам", "Наш", "Наша",
      "Не", "Нет", "Ни", "Никогда", "Никто", "Ничего", "Но", "Однажды", "Однако", "Он", "Она", "Они", "Оно", "От",
      "Откуда", "Очень", "Перед", "По", "Под", "Пока", "После", "Потом", "Потому", "Почему", "Поэтому", "При",
      "Про", "Сегодня", "Сейчас", "Сначала", "Со", "Та", "Так", "Также", "Там", "Те", "Тебя", "Теперь", "То",
      "Тогда", "Тоже", "Только", "Тот", "Тут", "Ты", "Уже", "Хотя", "Чем", "Через", "Что", "Чтобы", "Эта", "Эти",
      "Это", "Этот",
    ],
    capitalizedPronouns: ["Он", "Она", "Оно", "Они", "Я", "Ты", "Мы", "Вы"],
    speechVerbs: [
      "сказал", "сказала", "спросил", "спросила", "ответил", "ответила", "крикнул", "крикнула", "прошептал",
      "прошептала", "пробормотал", "пробормотала", "воскликнул", "воскликнула", "добавил", "добавила", "произнёс",
      "произнесла", "возразил", "возразила", "повторил", "повторила", "продолжал", "продолжала", "вздохнул",
      "вздохнула", "заметил", "заметила", "усмехнулся", "усмехнулась", "говорит", "спрашивает",
    ],
    dashDialogue: true,
    extraClosingQuotes: ["“"])
}
