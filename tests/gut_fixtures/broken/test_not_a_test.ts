// Its default export is not a GutTest: the script is one failing test.
export default class NotATest {
  test_x(): void {}
}
