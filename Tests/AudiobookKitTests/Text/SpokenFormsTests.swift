import Testing

@testable import AudiobookText

@Suite struct SpokenFormsTests {
  @Test(
    arguments: [
      ("He joined the U.S. Army in May.", "He joined the U.S Army in May."),
      ("We met at 5 p.m. Tuesday.", "We met at 5 p.m Tuesday."),
      ("J. R. R. Tolkien met Mr. Smith.", "J R R Tolkien met Mr Smith."),
      ("See Fig. 3 and Gen. Lee.", "See Fig 3 and General Lee."),
      ("It was the U.S. embassy.", "It was the U.S. embassy."),
    ])
  func noFalseSentenceStopsInsideASentence(written: String, spoken: String) {
    #expect(SpokenForms.normalize(written) == spoken)
  }

  @Test(
    arguments: [
      ("In 1999 it rained.", "In 19 99 it rained."),
      ("It fell in 1066, 1905 and 1900.", "It fell in 10 66, 19 oh 5 and 19 hundred."),
      ("The 1990s and the 1800s.", "The 19 nineties and the 18 hundreds."),
      ("The war of 1914–1918 ended.", "The war of 19 14 to 19 18 ended."),
      ("Read pages 10–12.", "Read pages 10 to 12."),
      ("Call 555-1234 at 7:45.", "Call 555-1234 at 7:45."),
      ("It was 1,500 miles, or 2010.", "It was 1,500 miles, or 2010."),
      ("He was 21st on the 3rd.", "He was 21st on the 3rd."),
    ])
  func yearsAndRanges(written: String, spoken: String) {
    #expect(SpokenForms.normalize(written) == spoken)
  }

  /// espeak-ng 1.51 reads these as written: "no five", "pee twelve", "jen", "L T", "S G T".
  @Test(
    arguments: [
      ("No. 5 was here, and Nos. 6 and 7.", "number 5 was here, and numbers 6 and 7."),
      ("See p. 12 and pp. 12–14.", "See page 12 and pages 12 to 14."),
      ("See p.12 or no. 3.", "See page 12 or number 3."),
      ("Gen. Lee met Capt. Hook and Col. Brandon.", "General Lee met Captain Hook and Colonel Brandon."),
      ("Rev. Collins, Prof. Moriarty, Lt. Dan.", "Reverend Collins, Professor Moriarty, Lieutenant Dan."),
      ("Sgt. Pepper and Gov. Brown.", "Sergeant Pepper and Governor Brown."),
      ("Sen. Smith and Rep. Jones.", "Senator Smith and Representative Jones."),
      ("Lt Col. Smith and Sgt Pepper.", "Lieutenant Colonel Smith and Sergeant Pepper."),
      ("Gen. 'Stonewall' Jackson.", "General 'Stonewall' Jackson."),
      // Not before a name or a number: left alone (the period goes only before a capital).
      ("Read Gen. 3 and Rev. 21.", "Read Gen 3 and Rev 21."),
      ("It was a No. Maybe.", "It was a No Maybe."),
      ("The rev. counter and No. more.", "The rev. counter and No. more."),
      ("A Gen Lee and Rev Collins.", "A Gen Lee and Rev Collins."),
      ("Mr. Darcy, Mrs. Bennet, Dr. Watson, St. Paul.", "Mr Darcy, Mrs Bennet, Dr Watson, St Paul."),
    ])
  func abbreviationsEspeakReadsAsWritten(written: String, spoken: String) {
    #expect(SpokenForms.normalize(written) == spoken)
  }

  /// espeak-ng reads 1234 as "one thousand two hundred and thirty-four", which is right for a
  /// count; only a year wants "twelve thirty-four".
  @Test(
    arguments: [
      ("There were 1234 sheep.", "There were 1234 sheep."),
      ("A crowd of 1500 people and 1250 soldiers.", "A crowd of 1500 people and 1250 soldiers."),
      ("See page 1234 and No. 1850.", "See page 1234 and number 1850."),
      ("In 1850 people were poor.", "In 18 50 people were poor."),
      ("It was May 1850 and 1850 was hot.", "It was May 18 50 and 18 50 was hot."),
      ("By 1850 the town had grown.", "By 18 50 the town had grown."),
      ("By 1900 horses were rare; after 1945 prices rose.", "By 19 hundred horses were rare; after 19 45 prices rose."),
      (
        "During 1666 houses burned, around 1850 farmers left.", "During 16 66 houses burned, around 18 50 farmers left."
      ),
      ("The winter of 1850 was cold; 1850 miles away.", "The winter of 18 50 was cold; 1850 miles away."),
    ])
  func yearsAndCounts(written: String, spoken: String) {
    #expect(SpokenForms.normalize(written) == spoken)
  }

  @Test(
    arguments: [
      ("It cost $5.50 today.", "It cost 5 dollars 50 today."),
      ("It cost £1, then £3.", "It cost 1 pound, then 3 pounds."),
      ("A €10 note and $0.25.", "A 10 euros note and 25 cents."),
      ("They paid $3 million.", "They paid 3 million dollars."),
      ("It was $1,200.00 in all.", "It was 1,200 dollars in all."),
    ])
  func currency(written: String, spoken: String) {
    #expect(SpokenForms.normalize(written) == spoken)
  }

  @Test func romanNumeralsAfterNames() {
    #expect(SpokenForms.normalize("Louis XIV met Henry VIII.") == "Louis the 14th met Henry the 8th.")
    #expect(SpokenForms.normalize("After World War II and Part III.") == "After World War 2 and Part 3.")
    #expect(SpokenForms.normalize("I saw Malcolm X and vitamin C.") == "I saw Malcolm X and vitamin C.")
  }

  @Test func dashesAreShortPausesAndEllipsesLongerOnes() {
    #expect(SpokenForms.normalize("She paused—then left.") == "She paused, then left.")
    #expect(SpokenForms.normalize("She paused – then left -- quickly.") == "She paused, then left, quickly.")
    #expect(SpokenForms.normalize("“Wait—”") == "\"Wait,\"")
    #expect(SpokenForms.normalize("I thought... and . . . no.") == "I thought… and … no.")
    #expect(SpokenForms.normalize("A well-known man.") == "A well-known man.")
  }

  @Test func curlyAndStraightQuotesAreAlike() {
    #expect(SpokenForms.normalize("“Don’t,” she said, ‘no.’") == "\"Don't,\" she said, 'no.'")
  }
}
