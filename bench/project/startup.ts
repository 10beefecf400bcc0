// Start-to-quit: quits from _ready, reporting the RSS and the peak RSS so far; run.sh times the
// whole process from outside.
import { Scenario, peak_rss_bytes, rss_bytes } from "./common";

export class StartupScenario extends Scenario {
  _ready(): void {
    this.finish({ name: "startup", rss: rss_bytes(), peak_rss: peak_rss_bytes() });
  }
}
