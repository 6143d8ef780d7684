"""Places a role's heading may name after its company: countries and the cities jobs sit in.

"Software Engineer, Google — Zurich": no job-title or company word tells "Zurich" from a
company, so the places most role headings give are listed here. The list is short on
purpose (a full gazetteer is hundreds of megabytes); a town not in it is read as before.
"""

from __future__ import annotations

import re

_COUNTRIES = """
afghanistan, albania, algeria, andorra, angola, argentina, armenia, australia, austria,
azerbaijan, bahamas, bahrain, bangladesh, barbados, belarus, belgium, belize, benin, bhutan,
bolivia, bosnia, botswana, brazil, brunei, bulgaria, burkina faso, burundi, cambodia,
cameroon, canada, chad, chile, china, colombia, congo, costa rica, croatia, cuba, cyprus,
czechia, czech republic, denmark, djibouti, dominican republic, ecuador, egypt, el salvador,
estonia, eswatini, ethiopia, fiji, finland, france, gabon, gambia, georgia, germany, ghana,
greece, guatemala, guinea, guyana, haiti, honduras, hungary, iceland, india, indonesia,
iran, iraq, ireland, israel, italy, jamaica, japan, jordan, kazakhstan, kenya, kosovo,
kuwait, kyrgyzstan, laos, latvia, lebanon, lesotho, liberia, libya, liechtenstein,
lithuania, luxembourg, madagascar, malawi, malaysia, maldives, mali, malta, mauritania,
mauritius, mexico, moldova, monaco, mongolia, montenegro, morocco, mozambique, myanmar,
namibia, nepal, netherlands, the netherlands, new zealand, nicaragua, niger, nigeria, north
macedonia, norway, oman, pakistan, panama, paraguay, peru, philippines, poland, portugal,
qatar, romania, russia, rwanda, saudi arabia, senegal, serbia, singapore, slovakia,
slovenia, somalia, south africa, south korea, korea, spain, sri lanka, sudan, suriname,
sweden, switzerland, syria, taiwan, tajikistan, tanzania, thailand, togo, tunisia, turkey,
türkiye, turkmenistan, uganda, ukraine, united arab emirates, uae, united kingdom, uk, great
britain, england, scotland, wales, northern ireland, united states, usa, us, uruguay,
uzbekistan, venezuela, vietnam, yemen, zambia, zimbabwe, emea, apac, latam, europe, asia
"""
_CITIES = """
amsterdam, rotterdam, utrecht, eindhoven, the hague, brussels, antwerp, ghent, luxembourg,
paris, lyon, marseille, toulouse, lille, nantes, bordeaux, nice, london, manchester,
birmingham, leeds, glasgow, edinburgh, bristol, cambridge, oxford, belfast, cardiff,
liverpool, newcastle, dublin, cork, galway, berlin, munich, münchen, hamburg, frankfurt,
cologne, köln, stuttgart, düsseldorf, leipzig, dresden, hanover, hannover, nuremberg,
nürnberg, karlsruhe, bonn, essen, dortmund, vienna, wien, graz, linz, zurich, zürich,
geneva, genève, basel, bern, lausanne, lugano, zug, milan, milano, rome, roma, turin,
torino, naples, bologna, florence, madrid, barcelona, valencia, seville, malaga, bilbao,
lisbon, porto, copenhagen, aarhus, stockholm, gothenburg, malmö, malmo, oslo, bergen,
helsinki, espoo, tampere, reykjavik, tallinn, riga, vilnius, warsaw, kraków, krakow,
wrocław, wroclaw, gdańsk, gdansk, poznań, poznan, prague, brno, bratislava, budapest,
bucharest, cluj, sofia, belgrade, zagreb, ljubljana, athens, thessaloniki, istanbul, ankara,
kyiv, kiev, lviv, minsk, moscow, tel aviv, jerusalem, haifa, dubai, abu dhabi, doha, riyadh,
cairo, lagos, nairobi, cape town, johannesburg, casablanca, new york, new york city, nyc,
san francisco, sf bay area, silicon valley, los angeles, la, seattle, boston, chicago,
austin, dallas, houston, denver, atlanta, miami, washington, washington dc, dc,
philadelphia, pittsburgh, portland, san diego, san jose, palo alto, mountain view, menlo
park, sunnyvale, cupertino, redmond, bellevue, phoenix, salt lake city, minneapolis,
detroit, raleigh, durham, nashville, baltimore, columbus, charlotte, boulder, toronto,
vancouver, montreal, montréal, ottawa, calgary, waterloo, mexico city, guadalajara, são
paulo, sao paulo, rio de janeiro, buenos aires, santiago, bogotá, bogota, lima, medellín,
medellin, montevideo, tokyo, osaka, kyoto, seoul, beijing, shanghai, shenzhen, hangzhou,
guangzhou, hong kong, taipei, singapore, kuala lumpur, bangkok, jakarta, manila, ho chi minh
city, hanoi, bangalore, bengaluru, mumbai, delhi, new delhi, gurgaon, gurugram, noida,
hyderabad, chennai, pune, kolkata, karachi, lahore, dhaka, colombo, sydney, melbourne,
brisbane, perth, adelaide, canberra, auckland, wellington
"""
_PLACES = frozenset(
    " ".join(p.split()) for p in (_COUNTRIES + "," + _CITIES).replace("\n", " ").split(",")
)
# After a city, a state or province as its two letters: "Austin, TX".
_CODE = re.compile(r"^[A-Z]{2}$")
_PIECES = re.compile(r"\s*[,/()]\s*")
# How a heading says where the work is besides the place: "Greater London Area", "Remote".
_AROUND = re.compile(
    r"^(?:(?:greater|metro|metropolitan|remote|hybrid) )*(?P<place>.+?)(?: (?:area|region|"
    r"metro area|office|hq))?$"
)


def is_place(part: str) -> bool:
    """Whether a heading's part names only a place: "Zurich", "Zurich, CH", "Austin, TX"."""
    pieces = [p for p in _PIECES.split(part.strip()) if p]
    if not pieces:
        return False
    for piece in pieces:
        if _CODE.match(piece):
            continue
        around = _AROUND.match(" ".join(piece.casefold().replace(".", "").split()))
        if around is None or around.group("place") not in _PLACES:
            return False
    return True
