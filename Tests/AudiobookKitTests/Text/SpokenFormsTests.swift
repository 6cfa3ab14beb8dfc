import Testing

@testable import AudiobookKit

@Suite struct SpokenFormsTests {
  @Test(
    arguments: [
      ("He joined the U.S. Army in May.", "He joined the U.S Army in May."),
      ("We met at 5 p.m. Tuesday.", "We met at 5 p.m Tuesday."),
      ("J. R. R. Tolkien met Mr. Smith.", "J R R Tolkien met Mr Smith."),
      ("See Fig. 3 and Gen. Lee.", "See Fig 3 and Gen Lee."),
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
