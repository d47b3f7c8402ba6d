package syria

import "testing"

func TestLookup(t *testing.T) {
	for in, want := range map[string]string{
		"Aleppo": "SY02", "aleppo ": "SY02", "حلب": "SY02", "SY-HL": "SY02", "SY02": "SY02",
		"Idlib": "SY07", "إدلب": "SY07", "ادلب": "SY07", "Idleb": "SY07",
		"Deir ez-Zor": "SY09", "Deir-ez-Zor": "SY09", "دير الزور": "SY09",
		"Ḩalab": "SY02", "Rif Dimashq": "SY03", "ريف دمشق": "SY03", "Quneitra": "SY14",
		"حماه": "SY05", "SY.RA": "SY11",
	} {
		g, ok := Lookup(in)
		if !ok || g.PCode != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", in, g.PCode, ok, want)
		}
	}
	// FIPS SY01 is Al-Hasakah; it must resolve as the OCHA P-code (Damascus).
	if g, _ := Lookup("SY01"); g.NameEN != "Damascus" {
		t.Errorf("SY01 = %q, want Damascus (OCHA P-code, not FIPS)", g.NameEN)
	}
	if _, ok := Lookup("Atlantis"); ok {
		t.Error("Atlantis found")
	}
	if len(All()) != 14 {
		t.Errorf("%d governorates, want 14", len(All()))
	}
}

func TestSuggest(t *testing.T) {
	for in, want := range map[string]string{"Alepo0": "Aleppo", "Idlibb": "Idleb", "Homms": "Homs", "Paris": ""} {
		if got := Suggest(in); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}
