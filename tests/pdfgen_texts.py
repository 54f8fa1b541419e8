"""Dutch texts for the generated PDF fixtures (written for the tests, not taken from corpus/).

Each text is a list of items: ("h", heading), ("p", [sentence, ...]), ("box", text) or
("quote", text). A footnote marker stands in a sentence as `[^n]`; its note is in the
text's NOTES mapping. Sentences are written so that each ends where a careful reader
ends it.
"""

from __future__ import annotations

LETTER = [
    ("h", "Samenwerking met landen van herkomst"),
    (
        "p",
        [
            "Hierbij informeer ik uw Kamer over de voortgang van de migratiesamenwerking met landen van herkomst en transit.",
            "Tijdens het commissiedebat van 14 maart jl. heb ik toegezegd uw Kamer vóór de zomer te berichten over de resultaten van de partnerschappen.[^1]",
            "Deze brief gaat in op de terugkeersamenwerking, de bescherming in de regio en de aanpak van mensensmokkel.",
        ],
    ),
    ("h", "1. Terugkeer en herintegratie"),
    (
        "p",
        [
            "Het kabinet hecht groot belang aan een effectief terugkeerbeleid.",
            "In 2024 zijn ruim 6.500 vreemdelingen zonder verblijfsrecht aantoonbaar uit Nederland vertrokken, waarvan ongeveer de helft zelfstandig.",
            "De Dienst Terugkeer en Vertrek werkt daarbij nauw samen met de Internationale Organisatie voor Migratie, die herintegratieondersteuning biedt in het land van herkomst.[^2]",
        ],
    ),
    (
        "p",
        [
            "Met een aantal landen verloopt de samenwerking moeizaam.",
            "Zo worden aanvragen voor vervangende reisdocumenten soms maandenlang niet beantwoord.",
            "Het kabinet zet in op een brede relatie waarin ook handel, onderwijs en ontwikkelingssamenwerking een rol spelen.",
            "Daarbij blijft het uitgangspunt dat niemand wordt teruggestuurd naar een land waar een reëel risico op foltering of onmenselijke behandeling bestaat.",
        ],
    ),
    ("h", "2. Bescherming in de regio"),
    (
        "p",
        [
            "Nederland draagt bij aan de opvang van vluchtelingen in de regio, onder meer in Jordanië, Libanon en Oeganda.",
            "Het programma richt zich op onderwijs, werkgelegenheid en toegang tot rechtsbijstand voor zowel vluchtelingen als gastgemeenschappen.",
            "Uit de tussentijdse evaluatie blijkt dat vooral de investeringen in beroepsonderwijs resultaat opleveren.[^3]",
        ],
    ),
    (
        "p",
        [
            "Tegelijkertijd constateert de evaluatie dat de financiering te versnipperd is.",
            "Het kabinet zal daarom met andere EU-lidstaten bezien hoe de bijdragen beter kunnen worden gebundeld.",
            "Over de uitkomst daarvan wordt uw Kamer in het najaar geïnformeerd.",
        ],
    ),
    ("h", "3. Aanpak van mensensmokkel"),
    (
        "p",
        [
            "Mensensmokkelaars passen hun routes voortdurend aan.",
            "Het Openbaar Ministerie en de Koninklijke Marechaussee werken daarom samen met opsporingsdiensten in transitlanden, bijvoorbeeld bij het uitwisselen van financiële gegevens.",
            "In het afgelopen jaar heeft deze samenwerking geleid tot de ontmanteling van twee netwerken die honderden mensen over zee vervoerden.",
        ],
    ),
    (
        "p",
        [
            "De bestrijding van mensensmokkel mag niet ten koste gaan van de bescherming van de mensen die worden gesmokkeld.",
            "Het kabinet blijft erop aandringen dat partnerlanden de mensenrechten respecteren en dat migranten in detentie toegang hebben tot medische zorg en juridische bijstand.[^4]",
        ],
    ),
    ("box", "Kerncijfers 2024: 6.500 vertrekken, waarvan 3.200 zelfstandig; 14 partnerlanden; 2 netwerken ontmanteld."),
    ("quote", "“Niemand wordt teruggestuurd naar een land waar foltering dreigt.”"),
    (
        "p",
        [
            "Ik vertrouw erop uw Kamer hiermee voldoende te hebben geïnformeerd.",
            "Over de verdere uitwerking van de partnerschappen ontvangt uw Kamer voor het einde van het jaar een volgende voortgangsbrief.[^5]",
        ],
    ),
]

LETTER_NOTES = {
    "1": "Kamerstuk 30 573, nr. 210, verslag van het commissiedebat over migratie.",
    "2": "De ondersteuning bestaat uit een startbedrag, begeleiding bij het zoeken naar werk en in sommige gevallen hulp bij het opzetten van een klein bedrijf.",
    "3": "Evaluatie van het programma voor opvang in de regio, uitgevoerd door een onafhankelijk onderzoeksbureau in opdracht van het ministerie.",
    "4": "Zie ook de jaarrapportage van de Nationale ombudsman over de behandeling van klachten van vreemdelingen.",
    "5": "De volgende voortgangsbrief verschijnt naar verwachting in december.",
}

BRIEF = [
    ("h", "Redding op zee is een plicht"),
    (
        "p",
        [
            "Elk jaar verliezen honderden mensen het leven bij de oversteek van de Middellandse Zee.",
            "Hulporganisaties die schepen inzetten om drenkelingen te redden, worden daarbij steeds vaker gehinderd door administratieve eisen en langdurige inspecties in de haven.",
            "Deze notitie zet uiteen welke verplichtingen staten hebben en wat de Nederlandse regering kan doen.",
        ],
    ),
    ("h", "Wat het zeerecht vraagt"),
    (
        "p",
        [
            "Volgens het VN-Zeerechtverdrag moet iedere kapitein hulp verlenen aan personen die op zee in nood verkeren.[^1]",
            "Kuststaten zijn verplicht een opsporings- en reddingsdienst in stand te houden en samen te werken met buurlanden.",
            "Een redding is pas voltooid wanneer de geredde personen op een veilige plaats aan land zijn gebracht.",
        ],
    ),
    (
        "p",
        [
            "Een veilige plaats is een plaats waar het leven van de overlevenden niet langer wordt bedreigd en waar in hun basisbehoeften kan worden voorzien.",
            "Een haven in een land waar migranten stelselmatig worden vastgezet en mishandeld, voldoet daar niet aan.[^2]",
            "Ook het beginsel van non-refoulement verbiedt het terugbrengen van mensen naar zo'n land.",
        ],
    ),
    ("h", "Knelpunten in de praktijk"),
    (
        "p",
        [
            "Reddingsschepen krijgen geregeld een haven toegewezen die dagen varen verwijderd is.",
            "Dat kost brandstof en tijd, terwijl het schip in die periode geen andere mensen kan helpen.",
            "Daarnaast worden schepen na aankomst soms wekenlang vastgehouden wegens vermeende technische gebreken.",
        ],
    ),
    ("quote", "“Een redding is pas voltooid op een veilige plaats.”"),
    (
        "p",
        [
            "Wij vragen de regering om binnen de Europese Unie te pleiten voor een voorspelbaar ontschepingsmechanisme.",
            "Zo'n mechanisme verdeelt de geredde personen over de lidstaten en ontlast de landen aan de buitengrens.",
            "Daarnaast moet Nederland de financiering van kustwachten in derde landen afhankelijk maken van aantoonbare verbeteringen in de behandeling van migranten.[^3]",
        ],
    ),
    (
        "box",
        "Oproep aan de regering: pleit voor een ontschepingsmechanisme en stop steun die bijdraagt aan terugvoering naar onveilige havens.",
    ),
    ("h", "Aanbevelingen"),
    (
        "p",
        [
            "Onze aanbevelingen zijn eenvoudig.",
            "Erken dat redding op zee een wettelijke plicht is, geen gunst.",
            "Zorg dat reddingsorganisaties hun werk kunnen doen zonder onnodige belemmeringen.",
            "Stel ten slotte een onafhankelijk toezichtsorgaan in dat meldingen van terugdrijvingen onderzoekt.[^4]",
        ],
    ),
]

BRIEF_NOTES = {
    "1": "Artikel 98 van het VN-Zeerechtverdrag; zie ook het Internationaal Verdrag voor de beveiliging van mensenlevens op zee.",
    "2": "Zie de rapporten van de speciale VN-rapporteur over de mensenrechten van migranten en van het Bureau van de Hoge Commissaris voor de Mensenrechten, die beschrijven hoe migranten na terugvoering in overvolle centra worden vastgehouden, zonder toegang tot advocaten, artsen of het VN-Vluchtelingenagentschap, en hoe zij vaak pas tegen betaling van losgeld worden vrijgelaten.",
    "3": "In 2023 ging het om een bijdrage van ongeveer EUR 12 mln. via een Europees fonds.",
    "4": "Een vergelijkbaar orgaan bestaat al in enkele lidstaten en kan als voorbeeld dienen.",
}

RULING = [
    ("h", "Samenvatting van de uitspraak"),
    (
        "p",
        [
            "De rechtbank heeft op 3 oktober 2024 uitspraak gedaan in de zaak van een asielzoeker die langer dan zes maanden in vreemdelingenbewaring verbleef.",
            "Eiser stelde dat er geen zicht op uitzetting bestond, omdat het land van herkomst geen reisdocument wilde afgeven.",
            "De staatssecretaris voerde aan dat de gesprekken met de autoriteiten van dat land nog liepen.",
        ],
    ),
    ("h", "Overwegingen"),
    (
        "p",
        [
            "De rechtbank stelt voorop dat bewaring een uiterste middel is.[^1]",
            "Zij mag alleen worden voortgezet zolang de uitzetting met voortvarendheid wordt voorbereid en er een redelijk vooruitzicht op uitzetting bestaat.",
            "Uit de stukken blijkt dat de laatste presentatie bij de ambassade vier maanden geleden plaatsvond.",
            "Sindsdien zijn er geen concrete handelingen verricht.",
        ],
    ),
    (
        "p",
        [
            "De rechtbank overweegt verder dat de algemene verwijzing naar diplomatiek overleg onvoldoende is.",
            "De staatssecretaris heeft niet onderbouwd dat dit overleg binnen afzienbare tijd tot afgifte van een reisdocument zal leiden.[^2]",
            "Onder deze omstandigheden is het zicht op uitzetting naar het oordeel van de rechtbank ontvallen.",
        ],
    ),
    ("box", "Zaaknummer NL24.12345; uitspraak van de meervoudige kamer, openbaar uitgesproken."),
    ("h", "Beslissing"),
    (
        "p",
        [
            "De rechtbank verklaart het beroep gegrond en beveelt de opheffing van de maatregel van bewaring met ingang van heden.",
            "Zij kent eiser een schadevergoeding toe over de periode waarin de bewaring onrechtmatig was.[^3]",
            "Tegen deze uitspraak staat hoger beroep open bij de Afdeling bestuursrechtspraak van de Raad van State.",
        ],
    ),
]

RULING_NOTES = {
    "1": "Artikel 15 van de Terugkeerrichtlijn en artikel 5 van het Europees Verdrag voor de Rechten van de Mens.",
    "2": "Vergelijk de vaste rechtspraak van de Afdeling over het zicht op uitzetting bij landen die niet meewerken.",
    "3": "De vergoeding bedraagt EUR 100 per dag in een detentiecentrum.",
}

ADVICE = [
    ("h", "Advies over klimaatadaptatie in gemeenten"),
    (
        "p",
        [
            "Gemeenten krijgen steeds vaker te maken met hevige regenbuien, lange droge perioden en hitte in de stad.",
            "De raad is gevraagd te adviseren over de vraag hoe gemeenten zich daarop het beste kunnen voorbereiden.",
            "Dit advies bouwt voort op gesprekken met wethouders, waterschappen, woningcorporaties en bewoners.",
        ],
    ),
    ("h", "Waterberging en groen"),
    (
        "p",
        [
            "Een belangrijke les is dat verharding de wateroverlast vergroot.",
            "Waar tuinen en pleinen worden betegeld, kan regenwater niet in de bodem zakken en stroomt het riool over.",
            "Gemeenten die geveltuinen, wadi's en groene daken stimuleren, zien de schade bij piekbuien afnemen.[^1]",
        ],
    ),
    (
        "p",
        [
            "Voor bestaande wijken is herinrichting kostbaar.",
            "De raad adviseert daarom om aan te sluiten bij gepland onderhoud: wie de straat toch openbreekt, kan tegelijk ruimte maken voor waterberging.",
            "Dat vraagt om afstemming tussen afdelingen die nu vaak langs elkaar heen werken.",
        ],
    ),
    ("quote", "“Wie de straat toch openbreekt, kan ruimte maken voor water.”"),
    ("h", "Hitte en gezondheid"),
    (
        "p",
        [
            "Tijdens hittegolven lopen ouderen en mensen met een chronische aandoening het grootste risico.",
            "Het hitteplan van een gemeente moet daarom niet alleen maatregelen in de openbare ruimte bevatten, maar ook afspraken met thuiszorgorganisaties en huisartsen.[^2]",
            "Koele plekken in de wijk, zoals bibliotheken en buurthuizen, kunnen een uitkomst bieden.",
        ],
    ),
    (
        "p",
        [
            "De raad beveelt het Rijk aan om de financiering van klimaatadaptatie structureel te regelen.",
            "Tijdelijke impulsregelingen helpen gemeenten op weg, maar bieden geen basis voor beleid dat decennia moet meegaan.[^3]",
        ],
    ),
]

ADVICE_NOTES = {
    "1": "Zie de kennisbank van het Deltaprogramma Ruimtelijke Adaptatie.",
    "2": "Het Nationaal Hitteplan geeft een handreiking voor lokale hitteplannen.",
    "3": "De impulsregeling loopt tot en met 2027.",
}

TEXTS = {
    "letter": (LETTER, LETTER_NOTES),
    "brief": (BRIEF, BRIEF_NOTES),
    "ruling": (RULING, RULING_NOTES),
    "advice": (ADVICE, ADVICE_NOTES),
}
