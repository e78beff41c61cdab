# Prose. Lines are wrapped by hand; a few run past the limit.
# ruff: noqa: E501
"""English-language stories of the generated scenarios. All fictional, written for this project.

Each story is a dict: headline, standfirst, author, author_role, section, image_alt,
paragraphs. Outlet boilerplate (disclaimers, newsletter pleas) is at the bottom.
"""

from __future__ import annotations

LAKE_VARROW = {
    "headline": "Blue-green algae closes Lake Varrow to swimmers and anglers for the summer",
    "standfirst": "Water board says toxin levels are forty times the warning threshold after two dogs "
    "died near the Pellam boat ramp.",
    "author": "Hollis Brandt",
    "author_role": "Environment Reporter",
    "section": "Environment",
    "image_alt": "Warning signs on the southern shore of Lake Varrow",
    "paragraphs": [
        "Lake Varrow, the largest freshwater body in the Eastmere district, will stay closed to "
        "swimmers, anglers and paddleboard hire for the rest of the summer after tests found a bloom "
        "of toxic blue-green algae spreading from its shallow southern bay, the district water board "
        "announced on Tuesday.",
        "Samples taken at six points around the shoreline last week showed cyanobacteria counts "
        "roughly forty times the level at which the board is obliged to post warnings. Two dogs died "
        "in early June after drinking from the water near the Pellam boat ramp, and a veterinary "
        "practice in the village of Coldharbour has since treated four more for vomiting and tremors.",
        "“We are not closing the lake lightly,” said Agnes Threlfall, who chairs the board. "
        "“Thousands of families come here in July and August, and the cafés and campsites on the "
        "north shore depend on them. But the readings leave us no choice. This is not a bloom that "
        "will clear up after a windy week.”",
        "Scientists at the Eastmere Freshwater Station, which has monitored the lake since 1988, say "
        "the problem has been building for a decade. Phosphate from fertilised fields on the Varrow "
        "plain washes into the lake through three small rivers, and a series of warm, still summers "
        "has allowed algae to multiply in water that rarely mixes below the surface.",
        "Dr Rufus Okonedo, the station’s senior limnologist, said the southern bay had recorded "
        "surface temperatures above twenty-four degrees on eleven consecutive days in June, something "
        "that had never happened in the station’s records. “Give these organisms warmth, light and "
        "nutrients and they will take the lake,” he said. “We have given them all three.”",
        "The closure is a blow to businesses that had hoped for a strong season after two years of "
        "road works disrupted access to the north shore. Maeve Lindqvist, who runs a kayak hire hut at "
        "Tarn End, said she had cancelled more than ninety bookings since the weekend and would let "
        "her three seasonal staff go on Friday.",
        "“People ring up and ask if they can just go out in a boat and not touch the water,” she "
        "said. “I have to tell them no. If you capsize, you swallow it.”",
        "Farmers’ representatives reacted cautiously to suggestions that agriculture is to blame. "
        "Ewan Castellow of the Varrow Plain Growers’ Association said members had cut fertiliser use "
        "by almost a third since 2019 and pointed to ageing septic tanks in lakeside holiday homes as "
        "another source of nutrients. He called for a joint study rather than “a finger pointed at one "
        "group”.",
        "The water board said it would install aerators in the southern bay and was seeking funding "
        "to plant reed beds at the mouths of the three inflowing rivers, which would trap some of the "
        "phosphate before it reaches open water. Neither measure is expected to make a difference "
        "before next year.",
        "Drinking water supplies are not affected. Households in Eastmere draw from reservoirs in the "
        "Scarrow hills, and the board stressed that the lake has not been used for public supply since "
        "the 1970s.",
        "Warning signs have been put up at all eleven public access points. Dog owners are asked to "
        "keep their animals on a lead within fifty metres of the shore and to seek a vet urgently if a "
        "pet has been in the water.",
    ],
}

ABBEY_FIRE = {
    "headline": "Volunteers form human chain to rescue 3,000 books as fire sweeps Sallowmere abbey "
    "library",
    "standfirst": "The roof of the medieval library fell in within an hour, but most of the "
    "manuscripts survived thanks to townspeople and a quick-thinking archivist.",
    "author": "Corin Maddox",
    "author_role": "Heritage Correspondent",
    "section": "Heritage",
    "image_alt": "Smoke rising over the cloister of Sallowmere Abbey",
    "paragraphs": [
        "More than three thousand books and manuscripts were carried out of the burning library at "
        "Sallowmere Abbey on Sunday night by a line of townspeople who passed them hand to hand across "
        "the cloister lawn while firefighters fought to stop the blaze reaching the church next door.",
        "The fire started shortly after nine o’clock in the roof space above the reading room, "
        "according to the Tidewater fire service, and spread quickly through timbers that had stood "
        "since the fifteenth century. By half past ten the roof had fallen in. Nobody was hurt.",
        "Archivist Wilhelmina Osei was working late on a cataloguing project when she smelt smoke. "
        "She telephoned the fire service, then rang the bell of the abbey gatehouse, which has not "
        "been used as an alarm for decades. Within twenty minutes, she said, about sixty people had "
        "gathered outside in pyjamas and coats.",
        "“I told them which shelves mattered most and they simply went in and out, in and out, until "
        "the firefighters stopped them,” Ms Osei said on Monday, her hands still grey with soot. “An "
        "old man from the bakery carried the cartulary out under his jumper. I will never forget "
        "that.”",
        "The cartulary, a bound register of the abbey’s land grants compiled by its monks between "
        "1290 and 1360, is regarded as the most important document in the collection. It survived "
        "with scorch marks on its leather cover but its pages are intact. A fourteenth-century psalter "
        "and a set of early printed herbals were also saved.",
        "Not everything could be rescued. The library’s eighteenth-century bookcases, carved from "
        "local oak, were destroyed, along with an estimated nine hundred volumes of parish records and "
        "sermons kept on the upper gallery, which firefighters judged too dangerous to enter.",
        "Station commander Brannagh Pollitt said investigators were examining electrical wiring "
        "installed during a renovation in the 1960s but had not ruled anything out. She praised the "
        "volunteers but said crowds should never enter a burning building. “They were lucky,” she "
        "said. “Next time the ceiling might come down on somebody’s head.”",
        "Conservators from the National Record Office in Tidewater arrived on Monday morning with "
        "refrigerated vans. Water-damaged books will be frozen to stop mould from forming and then "
        "dried slowly over several months, a technique that has saved collections after floods "
        "elsewhere.",
        "The abbey’s trustees, who had been raising money to replace the library roof, said they would "
        "launch an emergency appeal. Their chairman, Lionel Ashgrove, estimated the cost of rebuilding "
        "at several million crowns and said insurance would cover only part of it.",
        "For many in the town the night has already become a story to be retold. Schoolchildren who "
        "joined the chain have been asked to write down what they saw, and the local historical "
        "society plans to collect the accounts in a booklet. “It is the abbey’s history,” said Ms "
        "Osei, “but now it is theirs as well.”",
    ],
}

QUARRY = {
    "headline": "Carnbrae quarry expansion approved despite more than 4,000 objections",
    "standfirst": "Councillors back a forty-hectare extension towards Brackenholm after a five-hour "
    "meeting; residents fear blasting and lorries.",
    "author": "Fenella Roscoe",
    "author_role": "Local Democracy Reporter",
    "section": "Planning",
    "image_alt": "The working face of Carnbrae granite quarry",
    "paragraphs": [
        "Planners in Highmoor have approved a plan to extend the Carnbrae granite quarry by almost "
        "forty hectares, overriding more than four thousand written objections from residents who say "
        "blasting and lorry traffic will make life in three nearby villages intolerable.",
        "The county planning committee voted seven to five in favour on Wednesday evening after a "
        "meeting that ran for nearly five hours. Members heard from the quarry operator, Delvin "
        "Aggregates, from the parish councils of Brackenholm, Scaur and Lowther Mill, and from a "
        "geologist hired by a residents’ group to challenge the company’s noise predictions.",
        "Under the approved scheme, extraction will move east towards Brackenholm over the next "
        "twenty-two years. The nearest houses will be about three hundred and eighty metres from the "
        "new quarry face. Delvin has agreed to limit blasting to weekday afternoons and to build a "
        "landscaped earth bank along the village side of the site.",
        "Those concessions did little to satisfy opponents. Gwendolyn Hartsell, who has lived in "
        "Brackenholm for thirty years, said the bank would hide the quarry from view but would not stop "
        "the shaking. “When they blast now, the cups rattle on my dresser, and they are more than a "
        "kilometre away,” she said. “Halve the distance and tell me what happens.”",
        "The company says the extension will protect around one hundred and forty jobs at the quarry "
        "and at its asphalt plant in Scaur, and that Carnbrae stone is needed for the regional rail "
        "upgrade planned for the end of the decade. Its operations director, Ruairi Kellock, told the "
        "committee that without more reserves the site would close within four years.",
        "Council officers had recommended approval, concluding that the economic benefits outweighed "
        "the harm to residents, provided strict monitoring was in place. Vibration sensors will be "
        "installed in all three villages, with readings published online each month.",
        "Several councillors who voted against said they were uneasy about the volume of lorries. "
        "Projections submitted with the application show up to one hundred and ten heavy vehicle "
        "movements a day on the narrow road through Lowther Mill, which has no pavement for much of "
        "its length and passes the village primary school.",
        "“We are asking children to walk to school beside forty-tonne trucks,” said councillor Imogen "
        "Tarrant, who represents the ward. “I do not care how good the stone is. That is the wrong "
        "trade.”",
        "The residents’ group, Save Our Moor, said it would consider asking the national planning "
        "inspectorate to review the decision. Its spokesman, Clement Arbery, said campaigners had "
        "already raised eleven thousand crowns towards legal costs.",
        "Delvin Aggregates said it hoped to begin preparing the eastern land, including removing "
        "topsoil and diverting a footpath, early next year.",
    ],
}

BUS_STRIKE = {
    "headline": "Lowfield bus drivers vote to strike over thirteen-hour split shifts",
    "standfirst": "Nine in ten drivers back action against new rosters; the earliest walkout date is "
    "the first week of October.",
    "author": "Darius Penhallow",
    "author_role": "Transport Correspondent",
    "section": "Transport",
    "image_alt": "Buses lined up at Lowfield central bus station",
    "paragraphs": [
        "Bus drivers in Lowfield have voted overwhelmingly to strike over new rosters that would "
        "require many of them to work split shifts of up to thirteen hours, raising the prospect of "
        "the city’s first full transport stoppage since 2017.",
        "Of the 612 drivers balloted by the Road Transport Workers’ Union, 541 voted in favour of "
        "industrial action on a turnout of 91 per cent. The union must give the operator, Lowfield "
        "Citylink, fourteen days’ notice before any walkout, meaning the earliest possible date for a "
        "strike is the first week of October.",
        "At the centre of the dispute is a timetable overhaul that Citylink introduced in August to "
        "cope with a shortage of drivers. Rather than cutting services, the company stretched its "
        "working day, splitting many shifts into a morning block and an evening block with an unpaid "
        "gap of up to four hours in between.",
        "“You leave home at half five, you drive the school runs, then you sit in a depot canteen for "
        "three and a half hours because it is not worth going home,” said Nerys Abernethy, a driver "
        "for nineteen years. “Then you drive until seven. On paper it is an eight-hour day. In real "
        "life it is thirteen.”",
        "Citylink’s managing director, Hamish Greenhalgh, said the company had no choice. It is short "
        "of about eighty drivers, he said, and recruitment had been slowed by the cost of training and "
        "the long wait for licence tests at the regional centre.",
        "“If we did not split the shifts, we would have to take entire routes off the road,” Mr "
        "Greenhalgh said. “We have offered an allowance for every split duty and a guarantee that "
        "nobody will be given more than two a week. We think that is a fair package and we want to "
        "keep talking.”",
        "The union dismissed the allowance, worth twelve crowns per split shift, as “a sandwich and a "
        "bus fare”. Its regional organiser, Ciaran Mulvey, said members wanted an end to unpaid gaps "
        "longer than an hour and a commitment to a recruitment drive funded jointly by the company and "
        "the city council.",
        "The council, which subsidises about a third of Citylink’s routes, has so far stayed out of "
        "the dispute. Deputy leader Rosalind Fairweather said she hoped both sides would accept an "
        "offer of mediation from the regional conciliation service and warned that a long strike would "
        "hit shift workers and pupils hardest.",
        "Business groups are worried too. The Lowfield Chamber of Trade said footfall in the city "
        "centre fell by almost a quarter during a two-day rail strike in the spring, and that a bus "
        "stoppage would be worse because so many shop and hospital staff depend on early and late "
        "services.",
        "Passengers interviewed at the central bus station on Tuesday were divided. Some blamed the "
        "company for running the network on too few staff; others said drivers were already well paid "
        "compared with many of the people they carried.",
        "Talks between Citylink and the union are due to resume on Thursday.",
    ],
}

FLOOD_BARRIER = {
    "headline": "Riverbend flood barrier fails first full test as gate jams half-open",
    "standfirst": "One of five steel gates stopped at the halfway point, leaving an eleven-metre gap; "
    "the contractor blames a hydraulic coupling.",
    "author": "Talia Okafor",
    "author_role": "Reporter",
    "section": "News",
    "image_alt": "The five gates of the Riverbend flood barrier",
    "paragraphs": [
        "The flood barrier that was meant to protect Riverbend’s lower town for the next hundred "
        "years failed its first full-scale test on Saturday when one of its five steel gates jammed "
        "halfway through closing, leaving a gap nearly eleven metres wide in the line of defence.",
        "Engineers had planned to raise all five gates together at low tide, hold them for two hours "
        "and then lower them, a routine the barrier is supposed to perform in under forty minutes. "
        "Gates one to four rose as designed. Gate five, nearest the east bank, stopped moving at about "
        "the halfway point and could not be shifted by its backup motor.",
        "Crowds had gathered on the Skelton embankment to watch what the district council had billed "
        "as a milestone. Instead they saw technicians climbing over the control housing while a "
        "recorded announcement about the barrier’s design life played over the loudspeakers on a "
        "loop.",
        "The council’s director of infrastructure, Bartholomew Quayle, described the fault as "
        "“disappointing but not alarming”. He said the test was held precisely to find problems before "
        "the autumn storm season and that the contractor, Holbeck Marine Works, would investigate at "
        "its own cost.",
        "Residents of the lower town, where more than two thousand homes flooded in the winter of "
        "2022, were less forgiving. “We waited four years and paid for it through our council tax,” "
        "said Josie Marchbank, whose ground floor was under a metre of water that year. “Today they "
        "could not close one door.”",
        "An initial inspection found that a hydraulic coupling on the gate’s lifting arm had failed, "
        "according to a statement released by Holbeck on Saturday evening. The company said a "
        "replacement part had been ordered from its supplier and that it expected to repeat the test "
        "within three weeks.",
        "The barrier cost 212 million crowns, about forty million more than its original budget, "
        "after delays caused by unexpected clay deposits in the riverbed. It was formally handed over "
        "to the council in June, although the contractor remains responsible for defects for a further "
        "twelve months.",
        "Opposition councillors called for an independent engineer to review the whole structure. "
        "Councillor Oluwaseun Price said the public deserved to know whether the other four gates used "
        "the same type of coupling. “If one part can fail on a calm day, I want to know what happens "
        "in a gale,” he said.",
        "Until the barrier is proven, the council says temporary defences will remain ready. "
        "Demountable aluminium walls are stored at the depot on Ferry Lane and can be erected along "
        "the lower town quayside within six hours of a flood warning.",
        "The next full test has provisionally been set for the morning of 27 September.",
    ],
}

OYSTER_COURT = {
    "headline": "Court rules Wrenhaven oyster beds belong to the village, not the estate",
    "standfirst": "A charter of 1611, found in a schoolhouse loft, gives local families the right to "
    "harvest the creeks for ever, judge finds.",
    "author": "Ottilie Brennan",
    "author_role": "Courts Reporter",
    "section": "Courts",
    "image_alt": "Oyster gatherers in the creeks below Wrenhaven at low tide",
    "paragraphs": [
        "A dispute over who owns the oyster beds in the tidal creeks below Wrenhaven has ended in "
        "victory for the village after the regional land court ruled that a charter of 1611 gave "
        "local families the right to harvest them in perpetuity.",
        "The case was brought by the Fallowfield estate, which owns most of the farmland around the "
        "creeks and had argued that the beds formed part of the foreshore it bought in 1954. The "
        "estate planned to lease the beds to a commercial shellfish company for a fee that villagers "
        "say would have priced most of them out.",
        "Judge Henrietta Varga rejected that claim in a written ruling on Thursday. She found that "
        "the 1954 sale had transferred the foreshore “subject to all existing customary rights” and "
        "that the charter, granted by a former lord of the manor, created exactly such a right.",
        "The charter itself had been missing for much of the last century. It was found in 2023 in a "
        "tin trunk in the loft of the former schoolhouse by Jory Pascoe, a retired boatbuilder who was "
        "clearing the building before it was sold.",
        "“I nearly threw it on the bonfire,” Mr Pascoe said outside the court. “It was rolled up with "
        "some old maps and a seed catalogue. My granddaughter noticed the seal and said, Grandad, that "
        "looks important.”",
        "Experts called by the village confirmed the document’s age from its parchment, ink and the "
        "wax of the seal, and matched the handwriting to other estate papers in the county archive. "
        "The estate’s lawyers did not dispute that it was genuine but argued that its wording was too "
        "vague to create a legal right.",
        "Judge Varga disagreed. The charter, she wrote, referred plainly to “the oyster layings in the "
        "creeks of Wrenhaven” and granted them to “the inhabitants of the said village and their heirs "
        "for ever”, words she said left little room for doubt.",
        "About forty households still hold licences from the parish to gather oysters, mostly by hand "
        "at low tide. Some sell their catch to restaurants along the coast; others keep it for "
        "themselves. Several families have harvested the same beds for five or six generations.",
        "The Fallowfield estate said it was disappointed and was studying the judgment. Its agent, "
        "Peregrine Stoddart, said the estate had always allowed villagers to take oysters for their "
        "own use and had wanted only to bring “proper management” to a resource that was under "
        "pressure from disease and pollution.",
        "Villagers plan to celebrate with a feast on the green next month. The charter, meanwhile, has "
        "been lent to the county archive, where it will be cleaned and displayed in a sealed case.",
    ],
}

STOLEN_PAINTING = {
    "headline": "Stolen Ardley landscape found in lock-up garage eleven years after gallery theft",
    "standfirst": "Evening on the Tarn was cut from its frame in 2015; a garage owner chasing unpaid "
    "rent found it behind a stack of tyres.",
    "author": "Lucan Mercer",
    "author_role": "Arts Editor",
    "section": "Culture",
    "image_alt": "The empty frame of Evening on the Tarn, kept in the gallery store since 2015",
    "paragraphs": [
        "A landscape painting stolen from the Granite City Art Gallery in 2015 has been found wrapped "
        "in a bedsheet in a rented lock-up garage on the city’s eastern edge, police said on "
        "Wednesday.",
        "The work, Evening on the Tarn by Margarethe Ardley, disappeared during a Sunday afternoon in "
        "March of that year, when the gallery was open to the public and staffed by just two "
        "attendants. It was cut from its frame with a blade, and for eleven years there was no trace "
        "of it.",
        "Detective Inspector Saoirse Lockwood said the garage had been rented under a false name and "
        "that its contents came to light only when the owner, chasing several months of unpaid rent, "
        "had the padlock cut off last week and found the painting leaning against a wall behind a "
        "stack of car tyres.",
        "“He thought it was a print at first,” Ms Lockwood said. “Then he saw the cut edges and "
        "remembered the appeal posters from years ago. To his great credit, he rang us straight away "
        "instead of looking for a buyer.”",
        "Ardley, who died in 1971, painted the upland lakes north of the city for most of her career "
        "and is regarded as one of the region’s most important artists. Evening on the Tarn, completed "
        "in 1938, shows a small rowing boat drawn up on a shingle beach under a sky turning from orange "
        "to violet. It was insured at the time of the theft for about 1.2 million crowns.",
        "Conservators at the gallery have begun examining the canvas. Its chief curator, Anselm Rook, "
        "said early signs were encouraging. The paint surface appeared stable, he said, though there "
        "was some flaking along the cut edges and a faint water stain in one corner.",
        "“It has been folded, it has been damp, and it has spent years in a place no painting should "
        "ever be,” Mr Rook said. “But it is recognisably itself. I confess I had to sit down when I saw "
        "it.”",
        "Police have not said whether they have identified the person who rented the garage. Ms "
        "Lockwood said officers were examining the rental paperwork and CCTV footage from nearby "
        "streets, and appealed for anyone who had used the lock-ups between 2015 and 2024 to come "
        "forward.",
        "The gallery hopes to return the painting to public view next year after restoration. It will "
        "be hung in a new room with improved security, paid for partly by a grant from the city’s "
        "heritage fund.",
    ],
}

SCOOTERS = {
    "headline": "Old town bans rental e-scooters after string of pavement accidents",
    "standfirst": "Orchard Valley ends a two-year trial inside the walls; operators say a minority of "
    "riders are to blame.",
    "author": "Perpetua Nwosu",
    "author_role": "City Hall Reporter",
    "section": "Town",
    "image_alt": "Rental scooters parked by the cathedral gate",
    "paragraphs": [
        "Rental e-scooters will be banned from the old town of Orchard Valley from the first of next "
        "month after councillors voted to end a two-year trial that residents say turned the medieval "
        "streets into an obstacle course.",
        "The decision, taken on Monday by the council’s transport committee, covers the area inside "
        "the old walls and the riverside promenade. Private scooters will still be allowed, but rental "
        "companies will have to switch off their machines automatically when a rider crosses into the "
        "zone.",
        "Since the trial began, police have recorded thirty-eight collisions involving scooters in the "
        "old town, nine of them with pedestrians. The most serious, in April, left an eighty-one-year-"
        "old woman with a broken hip after a rider struck her outside the cathedral gate.",
        "Her son, Leopold Havranek, addressed the committee before the vote. He said his mother had "
        "not left her flat unaccompanied since the accident. “She walked those streets for sixty "
        "years,” he said. “Now she is afraid of a noise behind her.”",
        "The two operators in the trial, Zipp and Glydo, argued that the problems were caused by a "
        "minority of riders and that better parking bays and lower speed limits would be enough. "
        "Glydo’s regional manager, Annika Borgstrom, told councillors that scooters had replaced an "
        "estimated 140,000 car journeys during the trial.",
        "Committee members were unconvinced. Councillor Desmond Achterberg, who proposed the ban, said "
        "the old town’s narrow cobbled lanes were never suited to vehicles that can reach twenty-five "
        "kilometres an hour and that the council’s own inspectors had logged almost three thousand "
        "complaints about scooters dumped in doorways and on steps.",
        "Outside the walls, the trial will continue for another year in the newer districts, where the "
        "council plans to paint sixty dedicated parking bays and cut the maximum speed to fifteen "
        "kilometres an hour near schools.",
        "Shopkeepers in the old town gave the ban a mixed reception. A café owner on Tanner’s Row said "
        "scooters had brought younger customers into the centre, while a jeweller on the same street "
        "said he had twice had to pull abandoned machines out of his shop entrance before opening.",
        "The council said signs marking the new zone would go up over the next fortnight.",
    ],
}

WILDFIRE = {
    "headline": "Wildfire forces evacuation of hillside vineyards above Pinecrest",
    "standfirst": "Around four hundred people leave farms and cottages overnight as easterly winds "
    "drive flames across the ridge road.",
    "author": "Marguerite Dalca",
    "author_role": "Chief Reporter",
    "section": "Emergency",
    "image_alt": "Smoke over the vine rows at Upper Thorn",
    "paragraphs": [
        "Around four hundred people were evacuated from farms and holiday cottages on the slopes "
        "above Pinecrest overnight as a wildfire driven by strong easterly winds burned through scrub "
        "and into the edges of the district’s oldest vineyards.",
        "The fire was first reported just after six on Thursday evening near the Coldspring picnic "
        "area, according to the regional fire authority. Within three hours it had crossed the ridge "
        "road and was threatening the hamlets of Vell’s Corner and Upper Thorn, where families were "
        "woken by police knocking on doors and told to leave with what they could carry.",
        "By Friday morning the burnt area covered roughly six hundred hectares. Two barns and a "
        "holiday chalet were destroyed, and the fire authority said several kilometres of vine rows "
        "had been scorched. No injuries were reported.",
        "More than one hundred and twenty firefighters worked through the night, supported at first "
        "light by two water-bombing aircraft. Incident commander Teodor Malinescu said crews had "
        "managed to hold a line along the Pinecrest irrigation channel, which protected the town "
        "itself, but that the fire’s northern flank remained active.",
        "“The wind is the problem,” Mr Malinescu said at a briefing in the town hall car park. “If it "
        "drops this afternoon as forecast, we have a good chance of getting around it. If it does not, "
        "we will be here for the weekend.”",
        "For the growers, the timing could hardly be worse. The harvest was due to begin in ten days, "
        "and some of the affected plots hold vines planted by settlers in the 1880s, among the oldest "
        "still producing in the country.",
        "Vintner Lidia Sorensen, whose family has farmed at Upper Thorn for four generations, watched "
        "from the evacuation centre at the sports hall as smoke rose over her land. “You cannot replant "
        "a hundred and forty years,” she said. “You can plant a vine. You cannot plant what it has "
        "become.”",
        "Even where the fire did not reach, smoke may have tainted the grapes. Winemakers said they "
        "would test samples for smoke compounds before deciding whether to pick, a process that can "
        "take more than a week.",
        "The evacuation centre was sheltering around ninety people on Friday, most of them elderly "
        "residents and tourists who had no friends or relatives nearby. Volunteers from the Pinecrest "
        "rugby club organised food and camp beds and set up a pen for the dogs, goats and one pony "
        "that arrived with their owners.",
        "Authorities have not said what caused the fire. A total fire ban has been in place across the "
        "district since the middle of August.",
    ],
}

AIRLINE = {
    "headline": "Aeronord to drop four winter routes from Ashford airport",
    "standfirst": "Only the capital and Sandhaven will keep direct flights between November and "
    "March; islanders on Østerøy fear for hospital trips.",
    "author": "Ingrid Solvang",
    "author_role": "Business Reporter",
    "section": "Travel",
    "image_alt": "An Aeronord turboprop on the apron at Ashford airport",
    "paragraphs": [
        "Aeronord, the regional airline that carries most passengers from Ashford’s small airport, "
        "will suspend four of its routes between November and March, the company confirmed on "
        "Thursday, leaving the city with direct winter flights to only two destinations.",
        "The routes to Kessel, Brunmark, Lauvik and the island of Østerøy will be dropped from the end "
        "of October. Flights to the capital and to Sandhaven will continue, although the airline said "
        "frequencies on the Sandhaven service would be reduced from three a day to two.",
        "Chief commercial officer Magnus Lindahl blamed rising fuel costs and a shortage of pilots "
        "qualified to fly the airline’s turboprop aircraft. “Winter loads on these routes have been "
        "below half for three seasons in a row,” he said. “We cannot keep flying empty seats and hope "
        "the numbers change.”",
        "For Ashford, the cuts come at an awkward moment. The city spent heavily on a new terminal "
        "building that opened last year and had set a target of half a million passengers a year by "
        "2028. Last year it handled just over 310,000.",
        "Airport director Freya Amundsen said she was disappointed but not surprised. She said talks "
        "had already begun with two other airlines about taking over at least one of the routes, "
        "possibly with help from a regional fund set up to support connections to remote communities.",
        "The suspension of the Østerøy route will be felt most sharply. The island has no bridge to "
        "the mainland and the ferry crossing takes nearly five hours in winter weather. Islanders "
        "travelling to Ashford’s hospital for specialist treatment have relied on the forty-minute "
        "flight.",
        "“My mother has dialysis appointments three times a week,” said Halvard Eide, a fisherman from "
        "Østerøy’s main harbour. “What do they want us to do, move to the mainland for the winter? Some "
        "people will do exactly that, and some of them will not come back.”",
        "The regional health authority said it was examining whether patients could be flown on "
        "chartered aircraft paid for from its travel budget, as happened during a similar gap in "
        "2019.",
        "Aeronord said passengers who had already booked winter flights on the affected routes would "
        "be offered a full refund or a rebooking via the capital at no extra charge. The airline "
        "expects to publish its summer schedule in January and said it had not ruled out restoring "
        "some of the routes then.",
    ],
}

BRIDGE_TOLL = {
    "headline": "Toll on Hesketh bridge to rise by a third from January",
    "standfirst": "Bridge trust says it needs the money to replace corroded suspension cables in a "
    "six-year project costing 180 million crowns.",
    "author": "Colm Ferriter",
    "author_role": "Transport Reporter",
    "section": "Transport",
    "image_alt": "Traffic crossing the Hesketh suspension bridge",
    "paragraphs": [
        "Drivers crossing the Hesketh suspension bridge will pay a third more from January after the "
        "bridge trust approved its first toll increase in eight years, saying it needs the money to "
        "replace corroded suspension cables.",
        "The charge for a car will rise from six crowns to eight, and for a heavy goods vehicle from "
        "twenty-two crowns to thirty. Motorcycles will continue to cross for three crowns. Residents of "
        "Brightwater and Hesketh who register for the local discount scheme will see their monthly "
        "pass rise from forty crowns to fifty-two.",
        "The trust says inspections carried out over the past two winters found broken wires inside "
        "several of the main cables, where water has seeped through the protective wrapping and caused "
        "rust. Engineers have installed acoustic sensors that listen for the sharp crack of a wire "
        "snapping; they recorded fourteen breaks last year.",
        "“The bridge is safe, and we would close it tomorrow if it were not,” said the trust’s chief "
        "engineer, Rhiannon Castell. “But we have reached the point where monitoring is no longer "
        "enough. We need to put in new cables alongside the old ones and then take the old ones out, "
        "and that is a six-year job.”",
        "The cable replacement is expected to cost around 180 million crowns. The trust has no "
        "shareholders and receives no money from central government, relying entirely on tolls to pay "
        "for maintenance and for the loans it took out to build the bridge in 1971.",
        "Business leaders in Brightwater reacted angrily. Fraser Doig, who runs a haulage company with "
        "thirty lorries based on the Hesketh side, said the increase would add more than ninety "
        "thousand crowns a year to his costs. “We have no alternative route unless you count a "
        "ninety-minute detour round the estuary,” he said.",
        "Local members of the national assembly have renewed calls for the government to take over the "
        "bridge and scrap the toll, as it did with two smaller river crossings in the north in 2015. "
        "The transport ministry said it had no plans to do so.",
        "The trust said it had looked at ways to limit the rise, including a longer repayment period "
        "for its loans, but that any delay to the cable work would increase the risk of weight "
        "restrictions being imposed on the bridge, which would do far more damage to the local "
        "economy.",
        "The new charges take effect on the first of January.",
    ],
}

RECOUNT = {
    "headline": "Recount hands Marrow Bay harbour ward to independent by three votes",
    "standfirst": "A tray of one hundred ballot papers from the Fish Quay polling station was counted "
    "twice on election night, returning officer admits.",
    "author": "Isolde Carrick",
    "author_role": "Politics Reporter",
    "section": "Politics",
    "image_alt": "Counting agents at the sports hall in Marrow Bay",
    "paragraphs": [
        "A recount in Marrow Bay’s harbour ward has overturned the result of last week’s council "
        "election, handing the seat to an independent candidate by a margin of three votes after a "
        "bundle of ballot papers was found to have been counted twice.",
        "Returning officer Godfrey Pemberton announced the revised figures shortly before midnight on "
        "Tuesday, in a sports hall that had emptied of most spectators hours earlier. Independent "
        "Marisol Quenby received 1,204 votes and the sitting councillor, Ambrose Hadley of the Coastal "
        "Alliance, 1,201.",
        "On election night Mr Hadley had been declared the winner by ninety-seven votes. Ms Quenby "
        "asked for a recount the following morning after her agent noticed that the total number of "
        "papers counted in the ward appeared to exceed the number of people who had been marked as "
        "voting in the register.",
        "Mr Pemberton said the discrepancy had been traced to a single tray of one hundred ballot "
        "papers from the Fish Quay polling station. The tray was counted once at the verification "
        "stage, set aside and then mistakenly added to the count a second time. All of the papers in "
        "it had been cast for Mr Hadley, he said.",
        "“This was human error, and it is my responsibility,” Mr Pemberton told reporters. “The system "
        "worked in the sense that the problem was found and put right, but it should never have "
        "happened, and I apologise to both candidates and to the voters of the ward.”",
        "Ms Quenby, a former harbour pilot who campaigned against plans to build holiday flats on the "
        "old net lofts, said she was still taking in the result. “A week ago I had lost,” she said. "
        "“Tonight I have won by three. I think I need a cup of tea and a long sleep before I know how I "
        "feel.”",
        "Mr Hadley, who had represented the ward for twelve years, said he accepted the recount but "
        "would ask the electoral commission to review how the original error occurred. He said he had "
        "already attended his first meeting as the re-elected councillor and had been congratulated by "
        "colleagues who now had to be told otherwise.",
        "The change leaves the Coastal Alliance one seat short of a majority on the twenty-nine-member "
        "council. Party leaders said they expected to govern as a minority administration, relying on "
        "support from the two Green members on a vote-by-vote basis.",
        "The electoral commission confirmed it would examine the handling of the count and report "
        "within three months.",
    ],
}

STEAM_ENGINE = {
    "headline": "Countess of Brill steams back onto the Copperline after forty years",
    "standfirst": "A twenty-six-year restoration ends with six carriages of passengers climbing the "
    "valley to Tregallon.",
    "author": "Winifred Sayle",
    "author_role": "Features Writer",
    "section": "Heritage",
    "image_alt": "Countess of Brill leaving Brill Junction",
    "paragraphs": [
        "The steam locomotive Countess of Brill hauled its first passenger train on the Copperline in "
        "forty years on Saturday, pulling six restored carriages from Brill Junction to the old mining "
        "town of Tregallon while crowds lined the embankments and every bridge along the route.",
        "The engine, built in 1924 to carry ore trains from the copper mines to the coast, was "
        "withdrawn in 1968 and spent two decades rusting in a scrapyard before a group of enthusiasts "
        "bought it for the price of its weight in metal. Restoration took the Copperline Railway "
        "Society twenty-six years and cost around four million crowns, most of it raised through "
        "raffles, bequests and an annual beer festival.",
        "Driver Absalom Treweek, who is seventy-three and first fired a steam engine as a teenager, was "
        "at the controls. He said he had stopped counting the hours he had spent on the locomotive but "
        "that the volunteers reckoned it was well over ten thousand.",
        "“People ask me why we bother,” Mr Treweek said at Tregallon, leaning out of the cab as the "
        "engine hissed behind him. “You heard that whistle coming up the valley. That is why.”",
        "The twelve-mile line closed to regular traffic in 1971 when the last mine shut. The society "
        "bought the track bed from the state railway in the 1990s and has since relaid the rails "
        "section by section, reopening the final stretch into Tregallon last autumn with the help of a "
        "grant from the regional tourism fund.",
        "The society hopes the steam trains will bring visitors to a valley that has struggled since "
        "mining ended. Tregallon’s mayor, Genevieve Polkinghorne, said hotels in the town were fully "
        "booked for the opening weekend for the first time she could remember.",
        "Not everybody has welcomed the return of steam. A small group of residents in the hamlet of "
        "Penhale, where the line runs close to the backs of houses, have complained about smoke and "
        "cinders, and the society has agreed to run the engine on lower-smoke coal in that section.",
        "The Countess will run every weekend until the end of October, with a Christmas service "
        "planned for December. Tickets sold out within two hours of going on sale in the spring, and "
        "the society has added extra trains on Sunday afternoons.",
        "A second locomotive, a smaller tank engine named Little Wheal, is now being overhauled in the "
        "society’s workshop at Brill Junction and should be ready in about three years.",
    ],
}

WAITING_LISTS = {
    "headline": "Dunholt hospital waiting list hits ten-year high",
    "standfirst": "More than eighteen thousand patients are waiting for planned treatment, nearly two "
    "thousand of them for over a year.",
    "author": "Anjali Stroud",
    "author_role": "Health Correspondent",
    "section": "Health",
    "image_alt": "The surgical block at Dunholt General Hospital",
    "paragraphs": [
        "The number of patients waiting for planned treatment at Dunholt General Hospital has reached "
        "its highest level in a decade, with more than eighteen thousand people now on the list, "
        "according to figures published by the regional health board on Wednesday.",
        "Nearly two thousand of them have waited longer than a year, most for orthopaedic operations "
        "such as hip and knee replacements. A year ago the figure was just under eleven hundred.",
        "The health board blamed a combination of staff shortages in its operating theatres, a winter "
        "in which beds were filled by patients with respiratory infections, and the closure of two "
        "theatres for six weeks in the spring after water leaked through the ceiling of the surgical "
        "block.",
        "Its medical director, Dr Cornelius Aldridge, said the hospital had carried out more operations "
        "this year than last, but that demand was rising faster. “We have an ageing population and we "
        "are diagnosing more conditions earlier,” he said. “That is good news in the long run. In the "
        "short run it means longer queues.”",
        "Patients describe the wait in less measured terms. Beatrix Holloway, a sixty-eight-year-old "
        "former postwoman from the village of Sedgecombe, has been on the list for a knee replacement "
        "for sixteen months. She said she now sleeps downstairs because she can no longer manage the "
        "stairs.",
        "“They tell me I am a priority, but everybody is a priority,” she said. “I ring every month and "
        "get the same answer. I would pay if I could, but I cannot.”",
        "The board plans to open a short-stay surgical unit at the former maternity wing in Kettleby "
        "next spring, which it says will take up to forty minor operations a week away from the main "
        "hospital. It is also paying private clinics to carry out some cataract and hernia operations.",
        "Unions representing theatre staff say the real problem is pay. The regional secretary of the "
        "nurses’ union, Lorcan Doherty, said more than fifty theatre nurses had left for agency work or "
        "for hospitals across the border in the past two years, where they could earn up to a quarter "
        "more.",
        "Opposition members on the health board have called for an urgent review. Councillor Philippa "
        "Wainscott said the figures showed the board’s recovery plan, launched last year, was failing. "
        "“Every month we are told that things will improve next month,” she said. “The numbers say "
        "otherwise.”",
        "The health board will discuss the figures at its public meeting next Tuesday.",
        "Patients with concerns about their waiting time can contact the hospital’s patient advice "
        "service by telephone on weekdays.",
    ],
}

FERRY_COLLAPSE = {
    "headline": "Bluewake Ferries enters administration, leaving Skerrin Islands uncertain",
    "standfirst": "Administrators promise four weeks of reduced sailings while they look for a buyer; "
    "island shops start stockpiling.",
    "author": "Emrys Caldwell",
    "author_role": "Islands Reporter",
    "section": "Islands",
    "image_alt": "The Skerrin Star alongside the pier at Kingsferry",
    "paragraphs": [
        "Bluewake Ferries, which runs the freight and passenger service between Kingsferry and the "
        "Skerrin Islands, entered administration on Monday, leaving hauliers, shopkeepers and families "
        "on the islands uncertain how long sailings will continue.",
        "Administrators from the accountancy firm Lathbury Nash said the company’s two vessels would "
        "keep operating a reduced timetable for at least four weeks while they looked for a buyer. "
        "Bookings made before Monday would be honoured, they said, but no new freight contracts would "
        "be signed.",
        "Bluewake has struggled since one of its ships, the Skerrin Star, was taken out of service for "
        "nine weeks last winter with a gearbox fault. The company had to charter a replacement at "
        "short notice, and accounts filed in the spring showed a loss of almost eleven million crowns.",
        "On the islands, news of the administration spread quickly. The Skerrins depend on the ferry "
        "for almost everything, from diesel and animal feed to school trips and hospital appointments. "
        "The main supermarket in Port Skerrin said it had placed an emergency order on Monday afternoon "
        "to build up stock in case sailings stopped.",
        "“We have two weeks of dried goods and maybe four days of fresh food,” said store manager "
        "Tamsin Oyelaran. “If the boat stops, the shelves are empty by the following weekend. People "
        "remember the storm of 2019, when we went eight days without a sailing, and they are "
        "frightened.”",
        "Hauliers who carry livestock to the mainland market at Kingsferry are particularly worried "
        "because the autumn sales begin next month. Callum Drysdale, whose firm moves cattle and sheep "
        "for about forty island farms, said he had no way of getting animals to market without the "
        "freight deck.",
        "The regional government, which pays Bluewake an annual subsidy to keep the route running, "
        "said it would step in to guarantee a lifeline service if the company could not be sold. "
        "Transport secretary Oriel Fanshawe said officials were already talking to other operators "
        "about chartering a vessel as a contingency.",
        "Bluewake employs about one hundred and thirty people, most of them crew and port staff living "
        "in Kingsferry and Port Skerrin. Their union said it had been told that wages for September "
        "would be paid.",
        "The administrators said they had received several expressions of interest in the business.",
    ],
}

SNOW_LEOPARDS = {
    "headline": "Twin snow leopard cubs born at Fellside wildlife park",
    "standfirst": "First-time mother Zarina gives birth to a male and a female, the first of the "
    "endangered cats bred at the park in fifty years.",
    "author": "Jemima Thorogood",
    "author_role": "Reporter",
    "section": "What's on",
    "image_alt": "Zarina the snow leopard with her two cubs",
    "paragraphs": [
        "Two snow leopard cubs have been born at Fellside Wildlife Park, the first of the endangered "
        "cats to be bred there in its fifty-year history, keepers announced on Friday.",
        "The cubs, a male and a female, were born in late June to seven-year-old Zarina, who arrived "
        "at Fellside from a breeding centre abroad three years ago. Keepers waited until the pair had "
        "passed their first veterinary checks before making the news public.",
        "Head of carnivores Odhran Blakely said the team had watched the birth on a camera hidden in "
        "the den. “Zarina is a first-time mother, so we were nervous,” he said. “But she knew exactly "
        "what to do. She cleaned them, fed them, and then gave the camera a look that said, quite "
        "clearly, that she did not need our help.”",
        "The cubs, which weighed about half a kilogram each at birth, have now roughly quadrupled in "
        "size. Their eyes opened at around ten days, and they have begun to wobble out of the den to "
        "explore the rocky enclosure under their mother’s close watch.",
        "Snow leopards live in the high mountains of central Asia, where their numbers have fallen "
        "because of poaching, the loss of the wild sheep and goats they hunt, and conflict with herders "
        "whose livestock they sometimes kill. Conservation groups estimate that only a few thousand "
        "remain in the wild.",
        "Fellside takes part in an international breeding programme that matches animals across more "
        "than eighty zoos to keep the captive population genetically healthy. The cubs’ father, Tashi, "
        "was chosen through the programme and moved to the park in 2024.",
        "Visitors should be able to see the cubs from the middle of September, when keepers expect them "
        "to spend more time outside. The park has closed one viewing window beside the den to give the "
        "family privacy and says it will reopen it gradually.",
        "A competition to name the cubs will open next week. Schoolchildren in the Northgate area will "
        "be asked to suggest names drawn from the languages of the regions where snow leopards live, "
        "with the winners chosen by the keepers.",
        "Park director Celestine Ravenscroft said the births were a reward for years of work improving "
        "the enclosure, which was rebuilt in 2022 with deeper dens, higher climbing rocks and a heated "
        "floor. “Snow leopards are fussy about where they raise a family,” she said. “These two cubs "
        "tell us we finally got it right.”",
    ],
}

EARTHQUAKE_WIRE = {
    "headline": "Magnitude 5.8 earthquake shakes Osterland coast, no deaths reported",
    "standfirst": "Chimneys fall and power is cut to tens of thousands of homes around Halversund.",
    "author": "Nordpress Agency",
    "section": "World",
    "paragraphs": [
        "HALVERSUND, Osterland (NPA) — A magnitude 5.8 earthquake shook the western coast of Osterland "
        "early on Tuesday, cracking walls, bringing down chimneys and cutting power to tens of "
        "thousands of homes, but causing no deaths, emergency officials said.",
        "The quake struck at 4:12 a.m. local time about thirty kilometres off the coast at a depth of "
        "eighteen kilometres, according to the national seismological institute. It was felt as far "
        "away as the capital, some two hundred and fifty kilometres to the east.",
        "In Halversund, the port city closest to the epicentre, residents ran into the streets in their "
        "nightclothes as the shaking went on for about twenty seconds. Parts of the facade of the "
        "nineteenth-century customs hall collapsed onto the harbour road, crushing two parked cars.",
        "“It felt like a lorry had driven into the side of the building and then kept on driving,” "
        "said Ulla Brenning, who runs a bakery near the harbour. “Everything on the shelves came down. "
        "I have flour on the ceiling.”",
        "Eleven people were treated in hospital for minor injuries, most of them cuts from broken "
        "glass, the regional health service said. One elderly man was being treated for a broken arm "
        "after falling down stairs.",
        "The grid operator said about 46,000 customers lost electricity after a substation outside "
        "Halversund was damaged. By midday power had been restored to all but around 9,000 of them.",
        "Rail services along the coast were halted while engineers inspected bridges and tunnels. The "
        "national railway said trains would run at reduced speed for the rest of the day.",
        "The seismological institute recorded more than thirty aftershocks in the first six hours, the "
        "strongest of magnitude 4.1. Its director, Professor Jens Aukrust, said further tremors were "
        "likely over the coming days but that the probability of a larger earthquake remained low.",
        "Earthquakes of this size are uncommon in Osterland but not unknown. The last comparable "
        "tremor, of magnitude 5.5, hit the same stretch of coast in 1986.",
        "Insurance companies said it was too early to estimate the cost of the damage. Engineers "
        "from the city council began inspecting schools, bridges and the harbour cranes on "
        "Tuesday morning, and at least one block of flats near the old customs hall was evacuated "
        "as a precaution after cracks appeared in a stairwell.",
        "Prime Minister Sigrid Vallen was due to visit Halversund on Tuesday afternoon. Schools in the "
        "city were closed for the day so that buildings could be checked.",
    ],
}

RATES_WIRE = {
    "headline": "Bank of Bressania raises interest rate to 4.75% in third increase this year",
    "standfirst": "Governor Lucia Ferrandi says the bank will not declare victory over inflation too "
    "early, even as the economy shrinks.",
    "author": "Osprey Wire Agency",
    "section": "Economy",
    "paragraphs": [
        "The Bank of Bressania raised its main interest rate by half a percentage point on Wednesday, "
        "to 4.75 percent, its third increase this year, as it struggles to bring down inflation that "
        "has stayed stubbornly high despite a slowing economy.",
        "The decision by the bank’s monetary council was unanimous and had been widely expected by "
        "financial markets. The bressan, the national currency, rose slightly against the euro after "
        "the announcement, while shares in the country’s two largest banks gained more than two "
        "percent.",
        "Consumer prices in Bressania rose 6.3 percent in the year to August, according to the "
        "national statistics office, well above the central bank’s target of two percent. Food and "
        "rent have been the biggest drivers, with the price of bread up by almost a fifth in twelve "
        "months.",
        "Governor Lucia Ferrandi told a news conference in the capital, Vessara, that the council was "
        "prepared to keep raising rates until it saw clear evidence that inflation was falling. “We "
        "will not declare victory too early,” she said. “The cost of doing that would be paid by the "
        "very households that are suffering most today.”",
        "Critics say the bank is tightening into a downturn. The economy shrank by 0.2 percent in the "
        "second quarter, and business surveys point to a further contraction over the summer. "
        "Unemployment has edged up to 7.1 percent from 6.4 percent at the start of the year.",
        "Dario Montesel, an economist at the Vessara Institute for Economic Research, said higher rates "
        "were doing little to tackle the causes of inflation, which he traced to poor harvests and a "
        "shortage of rental housing. “You cannot grow wheat or build flats with an interest rate,” he "
        "said.",
        "Homeowners with variable-rate mortgages, who make up about a third of borrowers in Bressania, "
        "will see their monthly payments rise again from October. The national association of "
        "mortgage lenders estimates that a typical family will pay around 90 bressans more per month "
        "than at the start of the year.",
        "The finance ministry, which under Bressanian law has a non-voting observer on the monetary "
        "council, said it respected the bank’s independence. It is preparing a budget that includes "
        "targeted support for low-income renters.",
        "The monetary council’s next scheduled meeting is on 5 November.",
    ],
}

LIBRARY_HOURS = {
    "headline": "Fairhaven library to open around the clock with self-service hours",
    "standfirst": "Registered adult members will be able to scan in at night to borrow books, study "
    "and print.",
    "author": "Lysander Okoro",
    "author_role": "Community Reporter",
    "section": "Community",
    "image_alt": "The reading room of Fairhaven central library",
    "paragraphs": [
        "Fairhaven’s central library will become the first public library in the region to open "
        "twenty-four hours a day, after the town council approved a plan to let registered members use "
        "the building outside staffed hours by scanning their library cards at the door.",
        "From the beginning of next month, librarians will continue to work their usual hours between "
        "nine and six. Outside those times, adult members who have signed up for the scheme and "
        "completed a short induction will be able to enter, borrow and return books at self-service "
        "machines, use the study rooms and print documents.",
        "Children under sixteen will be able to use the extended hours only with a registered adult. "
        "The building’s upper floor, which holds the local history collection, will be locked when "
        "staff are not present.",
        "Head librarian Cordelia Featherstone said the idea came from the library’s own users. A "
        "survey last winter found that students, shift workers and parents of young children often "
        "could not visit during the day. “A nurse who finishes at ten at night has as much right to a "
        "library as anyone else,” she said.",
        "The council says the scheme will cost about 140,000 crowns to set up, mainly for new door "
        "controls, cameras and an intercom linked to a security company that can respond within "
        "fifteen minutes. Running costs are expected to be modest because no extra staff will be "
        "hired.",
        "Similar schemes have operated in parts of northern Europe for more than a decade, and "
        "Fairhaven’s planners visited two of them last year. They reported that misuse was rare and "
        "that the most common problem was people forgetting to return study room keys.",
        "Not everyone is convinced. The library workers’ branch of the public sector union said it "
        "feared the scheme would be used as an excuse to cut staffed hours in future. Its "
        "representative, Barnaby Quist, said: “Today it is extra hours. In three years’ time, someone "
        "will ask why we need librarians at all.”",
        "Council leader Yusuf Ellingham said there were no plans to reduce staffing and that the "
        "extended hours were an addition to the service, not a replacement for it.",
        "Membership of the library is free to anyone who lives, works or studies in Fairhaven. "
        "Induction sessions for the scheme will be held on weekday evenings and Saturday mornings, and "
        "can be booked at the front desk.",
    ],
}

CINEMA = {
    "headline": "Crowdfunding saves the Regal, Stonebridge’s last cinema",
    "standfirst": "More than five thousand donors raise 910,000 crowns to buy the 1936 picture house "
    "from its retiring owner.",
    "author": "Philippa Dunmore",
    "author_role": "Arts Reporter",
    "section": "Culture",
    "image_alt": "The art deco frontage of the Regal cinema",
    "paragraphs": [
        "The Regal, the last cinema in Stonebridge, has been saved from closure after more than five "
        "thousand people contributed to a crowdfunding campaign that raised enough money to buy the "
        "building from its retiring owner.",
        "The campaign, launched in June by a group of film fans calling themselves the Friends of the "
        "Regal, passed its target of 850,000 crowns on Sunday evening, one day before the deadline. The "
        "final total was just over 910,000, with donations ranging from five crowns to a single gift of "
        "60,000 from a former projectionist now living abroad.",
        "The Regal opened in 1936 with a screening of a musical and has shown films almost "
        "continuously ever since, apart from a year in the 1970s when it was used as a bingo hall. Its "
        "owner, Ignatius Fell, who has run it since 1989, announced last spring that he wanted to "
        "retire and had received an offer from a developer who planned to convert the building into "
        "flats.",
        "Mr Fell agreed to give the campaign until the end of August to match the developer’s price. "
        "“I did not want to sell it to someone who would rip out the screen,” he said. “But I am "
        "seventy-six and I cannot run it for ever. I told them: find the money and it is yours.”",
        "The Friends of the Regal will now form a community benefit society that will own and run the "
        "cinema. Anyone who donated more than fifty crowns will become a member with a vote at its "
        "annual meeting. The group’s chair, Annunziata Kearns, said volunteers would staff the box "
        "office and kiosk, but that a paid manager and projectionist would be hired.",
        "“We have bought a building,” she said. “Now we have to fill it. That means showing films "
        "people want to see at prices they can afford, seven days a week, and not just relying on "
        "goodwill.”",
        "The roof needs urgent repairs and the seating has not been replaced since 1994. The society "
        "plans a second appeal next year and has applied for a heritage grant to restore the art deco "
        "foyer, which still has its original terrazzo floor.",
        "The handover is due to be completed in October. The cinema will stay open during the "
        "transition.",
    ],
}

TICKS = {
    "headline": "Westmarch vets warn dog owners as tick-borne disease spreads north",
    "standfirst": "Three dogs walked near Ellerby reservoir have been diagnosed with babesiosis; one "
    "has died.",
    "author": "Hugo Westerfield",
    "author_role": "Rural Affairs Reporter",
    "section": "Countryside",
    "image_alt": "A footpath through the woods at Ellerby reservoir",
    "paragraphs": [
        "Vets in Westmarch have urged dog owners to check their pets for ticks after the first "
        "confirmed cases of canine babesiosis in the district, a disease carried by a species of tick "
        "that until recently was found only in the far south of the country.",
        "Three dogs have been diagnosed since the start of August, all of which had been walked in "
        "woodland around the Ellerby reservoir. One, a nine-year-old spaniel, died despite a blood "
        "transfusion. The other two are recovering after treatment.",
        "Babesiosis is caused by a parasite that infects red blood cells. Symptoms include lethargy, "
        "pale gums, fever and dark urine, and they typically appear one to three weeks after a tick "
        "bite. It does not spread from dog to dog, and the strain involved is not considered a risk to "
        "people.",
        "Dr Evangeline Marsh, a partner at the Ellerby Veterinary Clinic, where two of the dogs were "
        "treated, said none of them had travelled outside the district. “That is what worries us,” she "
        "said. “It means the infected ticks are already living here. This is not an imported case. It "
        "is local transmission.”",
        "Researchers at the national veterinary laboratory have been tracking the northward spread of "
        "the tick, known as the ornate dog tick, for several years. Milder winters allow it to survive "
        "in areas that were once too cold, and it is thought to have been carried north on deer and on "
        "dogs travelling with their owners.",
        "The laboratory’s head of parasitology, Professor Alaric Henshaw, said that although the "
        "number of cases was small, the pattern was consistent with an established population. He "
        "urged vets across the north to report any suspected cases so that the spread could be mapped.",
        "Vets recommend that owners use a tick treatment prescribed for their dog, check the coat after "
        "every walk, paying particular attention to the head, ears and legs, and remove any ticks "
        "promptly with a proper tick hook rather than with fingers or tweezers.",
        "The district council has put up warning signs at the main entrances to the reservoir woods. A "
        "spokesperson said there were no plans to close the paths.",
        "Owners who think their dog may have been bitten and is showing symptoms should contact a vet "
        "immediately, the Ellerby clinic said.",
    ],
}

MARATHON = {
    "headline": "Carrick marathon rerouted after Stanmore bridge closed for repairs",
    "standfirst": "A loop through Ashdown Park and Millfield replaces the river crossing; organisers "
    "say the course stays flat and fast.",
    "author": "Desmond Fairclough",
    "author_role": "Sports Reporter",
    "section": "Running",
    "image_alt": "Runners crossing the Stanmore bridge during last year’s race",
    "paragraphs": [
        "Organisers of the Carrick marathon have redrawn the route of next month’s race after engineers "
        "closed the Stanmore bridge, which carries the course across the river at the halfway point, "
        "for emergency repairs.",
        "The new route, published on Monday, keeps the start and finish in Castle Square but replaces "
        "the river crossing with a loop through Ashdown Park and the streets of the Millfield district. "
        "Organisers said the course had been measured and certified by the national athletics "
        "federation and remained exactly 42.195 kilometres.",
        "The bridge was closed to all traffic, including pedestrians, last Thursday after an "
        "inspection found cracks in two of its bearings. The city council said repairs would take at "
        "least ten weeks.",
        "Race director Philomena Sadiq said the team had three days to find an alternative that "
        "avoided the main hospital route and did not add any hills. “We looked at nine options and "
        "most of them were impossible,” she said. “The one we chose is flat, it is fast, and it takes "
        "runners past some of the best-supported streets in the city.”",
        "More than eleven thousand runners have entered this year’s marathon, the largest field in its "
        "twenty-eight-year history. Elite athletes have been drawn by the course’s reputation for fast "
        "times; the men’s course record of two hours, seven minutes and forty seconds was set in 2023.",
        "Some club runners questioned whether the new loop, which includes six more corners than the "
        "old route, would slow the field. Coach Thaddeus Mbeki of the Carrick Harriers said the changes "
        "were sensible given the circumstances but that runners chasing personal bests might lose a few "
        "seconds on the tight turns in Millfield.",
        "Residents of Millfield will face road closures between eight in the morning and two in the "
        "afternoon on race day. The organisers said they would deliver letters to every affected "
        "household this week and would keep one lane open on Brewer’s Hill for emergency vehicles.",
        "Spectators are being encouraged to gather in Ashdown Park, where a big screen and a "
        "family zone will be set up near the bandstand. Organisers said the park, which has never "
        "featured in the race before, could become a permanent part of the course if runners like "
        "it.",
        "The marathon raises money for local charities, and last year more than 1.4 million crowns was "
        "donated through runners’ sponsorship pages.",
    ],
}

HONEY = {
    "headline": "Hollowmere beekeepers report best honey harvest in twenty years",
    "standfirst": "A warm, wet spring and a long settled summer kept the lime trees and meadows in "
    "flower for weeks.",
    "author": "Clementine Awolowo",
    "author_role": "Countryside Reporter",
    "section": "Countryside",
    "image_alt": "Frames of capped honey at a Hollow valley apiary",
    "paragraphs": [
        "Beekeepers around Hollowmere are reporting their best honey harvest in at least twenty years, "
        "crediting a warm, wet spring followed by a long settled summer that kept wildflowers and lime "
        "trees in bloom for weeks longer than usual.",
        "Members of the Hollowmere and District Beekeepers’ Association took an average of thirty-one "
        "kilograms of honey per hive this season, according to a survey of its one hundred and sixty "
        "members, compared with fourteen kilograms last year and a long-term average of about "
        "eighteen.",
        "“I have been keeping bees for thirty-five years and I have never had to buy extra jars in "
        "August,” said the association’s secretary, Reuben Aldous, who manages forty hives on farms "
        "along the Hollow valley. “This year I ran out twice.”",
        "The lime trees that line many of the older roads in the area flowered unusually heavily in "
        "July, he said, and the meadows planted along field margins under a regional farming scheme "
        "provided a steady supply of nectar through the rest of the summer.",
        "The good news comes after several difficult years for local beekeepers. A cold, wet summer in "
        "2024 left many colonies too weak to survive the winter, and the association estimates that a "
        "third of the district’s hives were lost. Many members restocked with swarms caught last year.",
        "Dr Philippa Sandoval, a bee researcher at the agricultural college in Hollowmere, said the "
        "harvest showed how quickly colonies can recover when conditions are right, but cautioned "
        "against reading too much into a single season. “Bees live by the weather,” she said. “One "
        "good year does not undo the long-term decline in the flowers they depend on.”",
        "The glut has brought down prices at farmers’ markets, where a jar of local honey that sold for "
        "fourteen crowns last year can now be found for ten. Some beekeepers are storing honey in bulk "
        "to sell over the winter rather than flooding the market.",
        "Not every beekeeper has shared in the bounty. Those in the high villages above the "
        "valley, where the summer was cooler and windier, reported harvests close to the average, "
        "and a few colonies near the motorway were lost to a nest of hornets that took weeks to "
        "find and destroy.",
        "The association will hold its annual honey show in the Hollowmere town hall on the last "
        "Saturday of September, with classes for clear honey, set honey, comb honey and beeswax "
        "candles. Entries close a week before.",
    ],
}

TIN_MINE = {
    "headline": "Ravensholt tin mine to reopen after thirty years",
    "standfirst": "Cassiter Resources wins a licence to work deeper ore below the old levels; the town "
    "hopes for two hundred and fifty jobs.",
    "author": "Leontyne Harcourt",
    "author_role": "Business Editor",
    "section": "Business",
    "image_alt": "The engine house of the old Ravensholt mine",
    "paragraphs": [
        "The tin mine at Ravensholt, closed since 1996, is to reopen after the regional government "
        "granted a mining licence to a company that says rising metal prices have made the deposit "
        "worth working again.",
        "Cassiter Resources plans to begin underground development in the spring and to produce its "
        "first tin concentrate within two years. The company says the mine will employ about two "
        "hundred and fifty people at full production, roughly half as many as worked there when it "
        "closed.",
        "Tin is used mainly in solder for electronics, and demand has risen sharply as manufacturers "
        "build more electric vehicles and solar panels. The price of the metal has roughly doubled over "
        "the past five years.",
        "Ravensholt’s old workings run for more than twelve kilometres under the town and the hills to "
        "its west. Cassiter’s chief executive, Eamon Trevithick, said modern surveys had found "
        "higher-grade ore below the deepest levels the previous operator reached. “The old miners "
        "stopped just short of the best of it,” he said.",
        "The news has been greeted with excitement in a town where the closure of the mine is still "
        "remembered as a disaster. Unemployment rose to almost a quarter in the years after 1996, and "
        "the population has fallen by about a fifth since then.",
        "“My father and my grandfather both worked underground here,” said Morwenna Tregear, who runs a "
        "guest house on Fore Street. “When it shut, half my class left to find work. If my "
        "grandchildren can stay here and have a proper job, I will be the first to cheer.”",
        "Environmental groups have raised concerns about the disposal of waste rock and about water "
        "pumped out of the mine, which in the past carried high levels of arsenic into the Raven river. "
        "The licence requires Cassiter to build a treatment plant before any water is discharged.",
        "The company must also secure planning permission for new surface buildings, including a "
        "processing plant on the site of the old dressing floors. It expects to submit an application "
        "before the end of the year.",
        "Regional economy minister Casimir Vane said the licence was a vote of confidence in the area "
        "and that the government would look at improving the road link between Ravensholt and the "
        "coast.",
    ],
}

COUNCIL_EXPENSES = {
    "headline": "Millbrook council leader resigns over expenses claims",
    "standfirst": "Auditors found more than thirty claims without receipts, many for hotels and meals "
    "in the capital.",
    "author": "Dorothea Vance",
    "author_role": "Political Editor",
    "section": "Politics",
    "image_alt": "Millbrook town hall",
    "paragraphs": [
        "The leader of Millbrook borough council, Alistair Penrose, resigned on Friday evening, hours "
        "after the council’s auditors said they had found more than thirty expenses claims that could "
        "not be supported by receipts.",
        "Mr Penrose, who had led the council for six years, said in a short statement that he was "
        "stepping down “to allow the investigation to proceed without distraction” and that he "
        "expected to be cleared. He will remain a councillor for the Greyfriars ward while the inquiry "
        "continues.",
        "The auditors’ interim report, presented to the council’s audit committee that afternoon, "
        "examined claims submitted by senior councillors over the past three years. It singled out "
        "claims made by the leader for hotel stays, meals and taxi journeys totalling about 38,000 "
        "crowns, many of them in the capital.",
        "Some of the hotel bills were for dates on which council records show Mr Penrose attending "
        "meetings in Millbrook, the report said. Others were for meals described as working dinners "
        "with business leaders, but the auditors could find no record of who had attended.",
        "Committee chair Henrietta Galloway said the findings were “serious and troubling” but stressed "
        "that the report was not a finding of wrongdoing. She said the matter had been referred to the "
        "regional standards board, which has the power to suspend councillors, and that police had been "
        "informed as a precaution.",
        "Opposition councillors had been asking questions about the leader’s expenses since the "
        "spring, when a local resident used freedom of information requests to obtain copies of the "
        "claims. Councillor Ferdinand Osgood, leader of the opposition group, said the resignation was "
        "“the right decision, about six months late”.",
        "The council’s deputy leader, Wilhelmina Strand, will take over as acting leader until the "
        "ruling group chooses a successor, which is expected to happen at a meeting later this month. "
        "She said she would order a review of the expenses rules for all councillors.",
        "Mr Penrose was first elected to the council in 2010 and became leader after the ruling "
        "group’s landslide victory in 2020, promising to “open the books” after years of "
        "complaints about secrecy at the town hall. Supporters credit him with rescuing the "
        "borough’s leisure centres and with a programme of road repairs that was completed ahead "
        "of schedule.",
        "The full audit report is due to be published in November.",
    ],
}

# ---- hard negatives: one event, three newsrooms, written independently -----------------------------

ERUPTION_ISLANDS_TODAY = {
    "headline": "“We left with the clothes we had on”: Brimnes empties as Mount Skarn erupts",
    "standfirst": "More than two thousand people from Brimnes and Holt spent the night in schools and "
    "church halls in Skarnvik.",
    "author": "Oddny Hagerup",
    "author_role": "Reporter",
    "section": "Skarnvik",
    "image_alt": "Evacuees arriving at the Skarnvik secondary school",
    "paragraphs": [
        "Sigvald Brekke was asleep when his dog began to howl. A minute later the windows of his "
        "farmhouse at Brimnes were shaking, and through them he could see an orange glow on the "
        "shoulder of Mount Skarn, barely four kilometres away.",
        "“I have lived under that mountain for seventy years and I have never seen it angry,” he said "
        "on Monday morning, sitting on a camp bed in the gymnasium of the Skarnvik secondary school. "
        "“We left with the clothes we had on. My wife brought the photographs. I brought the dog.”",
        "The Brekkes were among roughly 2,100 residents of Brimnes and the neighbouring village of "
        "Holt who were ordered out of their homes in the early hours after the volcano erupted at "
        "about twenty to three. Buses collected those without cars, and by dawn the two villages were "
        "empty apart from police patrols.",
        "Fountains of lava have been rising from a fissure on the northern flank, and a slow tongue of "
        "molten rock was creeping on Monday towards the valley road that links Brimnes to the rest of "
        "the island. The road has been closed, as has the airport at Skarnvik, where ash fell like grey "
        "snow across the car park.",
        "The island council opened four schools and two church halls as shelters. Volunteers from the "
        "Red Cross and the fishing cooperative handed out soup, blankets and phone chargers. Children "
        "chalked pictures of the volcano on the playground while their parents queued for news.",
        "For many, the hardest part is not knowing what they will go back to. Hildur Sande, who runs "
        "the only shop in Holt, said she had locked the door and driven off without emptying the "
        "freezers. “If the power goes, I lose everything,” she said. “But the shop does not matter. "
        "Everyone got out.”",
        "No one has been hurt. Livestock remains a worry, though: farmers were told they could not "
        "return to move animals until scientists had assessed the gas levels in the valley. Some said "
        "they would defy the order if it lasted more than a day.",
        "The ferry company added two evening sailings to the mainland for anyone who wished to leave "
        "the island, and said it would carry pets free of charge. By Monday afternoon, few evacuees had "
        "taken up the offer. “This is home,” said Mr Brekke. “We will wait.”",
    ],
}

ERUPTION_MERIDIAN = {
    "headline": "Ash from Mount Skarn grounds flights as eruption enters second day",
    "standfirst": "Volcanologists say the fissure eruption on Ashkeld could last weeks; airlines cancel "
    "more than sixty flights.",
    "author": "Caspar Lindqvist-Moore",
    "author_role": "Science Correspondent",
    "section": "Science",
    "image_alt": "An ash column above Mount Skarn seen from the sea",
    "paragraphs": [
        "A volcanic eruption on the island of Ashkeld has forced the closure of Skarnvik airport and "
        "disrupted air travel across the North Atlantic, with more than sixty flights cancelled by "
        "Monday evening and airlines rerouting long-haul services around the ash cloud.",
        "Mount Skarn, a volcano that last erupted in 1961, burst into life at 02:40 local time on "
        "Monday. Seismometers had recorded a swarm of small earthquakes beneath it for nine days, and "
        "the island’s geological survey had raised its alert level on Friday, which gave authorities "
        "time to prepare an evacuation.",
        "The eruption is taking place along a fissure roughly a kilometre long on the volcano’s "
        "northern side. Satellite images show an ash column reaching about nine kilometres, high enough "
        "to be carried east by the jet stream. Aviation authorities have declared a no-fly zone within "
        "eighty kilometres of the summit.",
        "Dr Ragna Vestby, a volcanologist with the Ashkeld Geological Survey, said the eruption was "
        "behaving much like the 1961 event, which lasted around seven weeks. “We are watching the "
        "northern fissure very closely,” she said. “If it extends towards the coast, the lava could "
        "reach inhabited areas.”",
        "Scientists are also monitoring sulphur dioxide, a gas that can irritate the lungs and harm "
        "people with asthma. Readings in the town of Skarnvik were within safe limits on Monday, but "
        "officials advised residents with breathing problems to stay indoors.",
        "About 2,100 people from two villages close to the volcano were evacuated overnight. Interior "
        "minister Einar Thorsby, who flew over the area by helicopter, praised the island’s emergency "
        "services and said the government would cover the costs of shelter and lost income.",
        "For airlines, the main question is how long the ash will keep flowing. Aviation regulators "
        "tightened their rules after a 2010 eruption elsewhere in the region grounded much of Europe’s "
        "air traffic, and carriers now rely on detailed forecasts of ash concentration to plan routes. "
        "Several said they expected to restore some services by Wednesday.",
        "The eruption has also drawn scientists from abroad. A team from a university volcanology "
        "group arrived on Monday evening with drones and gas sensors, and the survey said it "
        "would share its data openly with researchers and airlines so that forecasts of the ash "
        "cloud could be refined.",
        "The volcano’s lava flows are not expected to threaten Skarnvik itself, which lies on the "
        "opposite side of a ridge. Ferries between the island and the mainland are running normally.",
    ],
}

ERUPTION_RADIO = {
    "headline": "Mount Skarn eruption: what we know so far",
    "standfirst": "Evacuations, the airport, the ferries and the air quality: the main points from our "
    "newsroom on Monday.",
    "author": "North Sea Radio newsroom",
    "section": "News",
    "image_alt": "Glow of the eruption over Skarnvik harbour at night",
    "paragraphs": [
        "Mount Skarn on Ashkeld erupted overnight for the first time in sixty-five years. Here is a "
        "round-up of what has been confirmed by the emergency services, the island council and the "
        "geological survey as of Monday afternoon.",
        "When did it start? Residents reported a loud rumble and a red glow just before three in the "
        "morning. The geological survey puts the start of the eruption at 02:40. Our listeners in "
        "Skarnvik described windows rattling and a smell like struck matches.",
        "Who has been evacuated? Police moved around 2,100 people out of Brimnes and Holt, the two "
        "villages nearest the volcano, during the night. They are being housed in schools and church "
        "halls in Skarnvik. The council says there is room for more if needed. There are no reports of "
        "injuries.",
        "Is the airport open? No. Skarnvik airport is shut until at least Wednesday because of ash on "
        "the runway and in the air. Dozens of flights have been cancelled. Passengers should check with "
        "their airline before travelling to the terminal.",
        "Are the ferries running? Yes. Sailings to the mainland are operating, and the ferry company "
        "has put on extra crossings in the evening. Pets travel free until further notice.",
        "What do the scientists say? Dr Ragna Vestby of the geological survey told our breakfast "
        "programme the lava is coming from a crack on the northern slope. “We are watching the northern "
        "fissure very closely,” she said, adding that eruptions of this type can continue for weeks.",
        "Is the air safe? Gas readings in Skarnvik are being checked every hour. People with asthma or "
        "heart conditions are advised to keep windows closed. Masks are available free at the town "
        "hall and at pharmacies.",
        "What about the valley road? It is closed between Brimnes and the coast junction because a lava "
        "flow is moving slowly in its direction. Use the northern route via Kvitstrand instead.",
        "Can I donate? The island council has asked people not to bring clothes or food to the "
        "shelters, which have more than enough. Instead, it suggests giving to the Red Cross "
        "appeal or offering a spare room through the council’s housing line.",
        "We will update this page through the day. You can also hear bulletins on the hour on 97.4.",
    ],
}

# ---- hard negatives: same outlet, shared boilerplate, different bodies ------------------------------

BOATHOUSE = {
    "headline": "Lakeside Rowing Club opens new boathouse after ten-year wait",
    "standfirst": "Volunteers raised half the cost themselves with sponsored rows, quiz nights and a "
    "marathon on rowing machines in the market square.",
    "author": "Gwilym Harte",
    "section": "Sport",
    "paragraphs": [
        "After a decade of storing their boats under tarpaulins and in a borrowed barn, members of "
        "Lakeside Rowing Club finally have a proper home. The club’s new boathouse on the north shore "
        "was opened on Saturday by its oldest member, ninety-one-year-old Edna Fairbrother, who cut a "
        "ribbon stretched between two oars.",
        "The timber building has racks for twenty-four boats, changing rooms, a small gym and a "
        "first-floor clubroom with windows looking down the length of the lake. It cost a little over "
        "nine hundred thousand crowns, about half of which was raised by members themselves.",
        "The fundraising became a local legend. Over six years, rowers organised sponsored rows around "
        "the island, quiz nights in the village hall, a calendar that sold out twice and a "
        "twenty-four-hour relay on rowing machines set up in the market square, during which the club "
        "notionally rowed the distance to the coast and back.",
        "The rest came from the regional sports fund and a loan from the lake trust, which owns the "
        "land and has leased it to the club for forty years at a nominal rent.",
        "Club captain Rafferty Onwuachi said the old arrangements had held the club back. “We lost two "
        "boats in the storm of 2021 because they were lying on the grass,” he said. “Juniors had to "
        "change in their parents’ cars. You cannot grow a club like that.”",
        "Membership has already risen from sixty to almost one hundred since work began last spring, "
        "and the club plans to start a programme for adults who have never rowed. It will also offer "
        "sessions for the local secondary school, which has no sports hall of its own.",
        "Mrs Fairbrother, who first rowed on the lake in 1951, said she had not expected to see the "
        "day. “We used to keep the boats in a cow shed and chase the cows out before training,” she "
        "said. “This is rather nicer.”",
        "The building was designed by a local architect, Saskia Vandermeer, who rowed for the "
        "club as a student. It is raised on short stilts so that floodwater can pass underneath, "
        "a lesson learned from the winter of 2021, and its roof carries solar panels that power "
        "the lights and the boat-washing pump.",
        "The club’s open day is on the first Sunday of next month, when anyone can try a boat under "
        "the supervision of a coach.",
    ],
}

SEWER_WORKS = {
    "headline": "Shore Road to close overnight for six weeks as sewer pipes are replaced",
    "standfirst": "Diversions via Kiln Lane between 8pm and 6am from the 18th; buses will stop at "
    "temporary stops by the church.",
    "author": "Priyanka Lorrimer",
    "section": "Roads",
    "paragraphs": [
        "Shore Road, the main route through Lakeside, will be closed every night for six weeks from "
        "the eighteenth of this month while the water company replaces a collapsed stretch of Victorian "
        "sewer beneath the carriageway.",
        "The closure will run from eight in the evening until six the next morning, Monday to Friday. "
        "Drivers will be diverted along Kiln Lane and the bypass, adding about four kilometres to the "
        "journey. The road will reopen fully at weekends.",
        "Engineers found the problem in March, when a camera survey sent along the pipe revealed that "
        "a section more than a century old had partly caved in near the junction with Mill Street. "
        "Residents had complained for months about a smell in the area and about manhole covers lifting "
        "after heavy rain.",
        "Tomasz Wielgosz, the water company’s project manager, said the work would be done in the "
        "evenings to avoid disrupting the shops and the school run. “We know night work is not popular "
        "with the people who live on Shore Road,” he said. “We will keep the noisiest jobs, like "
        "breaking up the road surface, before eleven o’clock.”",
        "Not everyone is reassured. Imelda Crowther, whose bedroom window overlooks the junction, said "
        "she had been offered earplugs and a voucher for a local hotel. “Six weeks is a long time to "
        "sleep with earplugs,” she said. “I will take the hotel for the first few nights and see how "
        "bad it is.”",
        "The night bus will not be able to use Shore Road during the works. Temporary stops will be "
        "placed outside St Aidan’s church on Kiln Lane, and the timetable will be unchanged.",
        "Access will be maintained for residents and for emergency vehicles at all times, the company "
        "said, although there may be short waits while equipment is moved.",
        "Shops on Shore Road will not be affected during the day, and the water company has "
        "promised to leave the pavements clear by six each morning. The owner of the bakery near "
        "the Mill Street junction, Delphine Archer, said her only concern was dust. “As long as "
        "they sweep up before my first customers arrive, I can live with it,” she said.",
        "The water company says the new pipe, made of plastic-lined concrete, should last at least a "
        "hundred years. A drop-in session for residents will be held in the community centre next "
        "Wednesday evening.",
    ],
}

# ---- outlet boilerplate ----------------------------------------------------------------------------------

WORLDWIRE_DISCLAIMER = (
    "About republished articles: WorldWire Digest reposts reporting from independent newspapers, "
    "magazines and blogs so that it can reach readers beyond its first audience. The text appears as it "
    "was published by the original outlet, sometimes with a new headline and a short introduction "
    "written by our editors. We do not commission, fact-check or edit the substance of these pieces, and "
    "their appearance here does not mean that WorldWire Digest endorses the views, claims or figures "
    "they contain. Responsibility for accuracy lies with the author and the publication that first "
    "carried the work. Where a correction is issued at the source, we will update our copy when we are "
    "told about it. Readers who want to quote from an article should go to the original and credit it "
    "properly. Photographs and illustrations are not reproduced unless we hold permission. Publishers "
    "who would prefer that we do not carry their material can contact the editors, and we will take the "
    "piece down without argument. WorldWire Digest is funded entirely by small donations and has no "
    "corporate sponsors, political affiliations or paid placements."
)

COMMONS_DISCLAIMER = (
    "The Commons Reader republishes articles from local and regional news organisations under licence "
    "or with their permission. The opinions expressed are those of the writers. We make every effort to "
    "reproduce articles faithfully, but errors can creep in when text moves between websites; if you "
    "spot one, tell us. Headlines are sometimes shortened to fit our pages. Pictures from the original "
    "article are not included. The Commons Reader is a small non-profit project. We do not track "
    "readers, we do not sell data, and we do not show advertising. If you run a newsroom and would like "
    "your work to appear here, or if you would like something removed, write to the editors and we will "
    "reply within a week."
)

TRUTHWATCH_DISCLAIMER = (
    "IMPORTANT NOTICE TO READERS: TruthWatch Daily is an independent reader-supported platform that "
    "gathers news, commentary and analysis from many corners of the internet. Items appearing on this "
    "page are shared for informational and educational purposes only and do not constitute "
    "professional, legal, financial or medical advice of any kind. TruthWatch Daily makes no "
    "representations as to the accuracy, completeness, timeliness or suitability of any information "
    "presented here, and all content is provided on an as-is basis without warranties of any sort, "
    "express or implied. Opinions, claims and statements made by authors, contributors or interview "
    "subjects are their own and should not be attributed to TruthWatch Daily, its volunteers, its "
    "advertisers or its hosting partners. Readers should independently verify any information before "
    "acting upon it. Under no circumstances shall TruthWatch Daily be held liable for any direct, "
    "indirect, incidental or consequential damages arising out of the use of, or inability to use, the "
    "material on this website. Some links on this page may be affiliate links, which means we may "
    "receive a small commission at no additional cost to you if you make a purchase. Comments posted by "
    "users are not moderated in advance and do not reflect our views. If you are the rights holder of "
    "any material featured here and you would like it amended or removed, contact our team using the "
    "form on the About page and include the full web address of the item; we aim to respond to all such "
    "requests promptly. By continuing to use this site you agree to these terms and to our privacy "
    "policy."
)

CIVIC_PULSE_PLEA = (
    "Before you scroll on: Civic Pulse is written for people who care about what happens in their town "
    "hall, and we can only keep going with your help. Every Friday our free newsletter, The Ward Report, "
    "lands in more than twelve thousand inboxes with a plain-English round-up of council decisions, "
    "planning rows, by-elections and budget meetings from across the coast. There is no paywall and "
    "there never will be. We do not sell your address and we do not fill your inbox with offers from "
    "partners.\n\n"
    "If you enjoyed this story, please take thirty seconds to sign up using the box below, and then "
    "forward the next edition to a neighbour who would find it useful. If you can afford it, a small "
    "monthly contribution keeps our two part-time reporters in the public gallery and our website "
    "online. Supporters who give the price of a coffee each month receive an early copy of the "
    "newsletter on Thursday evening and an invitation to our annual readers’ meeting, where you help "
    "choose the issues we investigate next year. Thank you for reading, and thank you for caring about "
    "local democracy."
)

LAKESIDE_ABOUT = (
    "Lakeside Community Times is produced entirely by volunteers who live in and around the village. We "
    "are not owned by a media company, a political party or the parish council, and none of our "
    "writers is paid. Stories are checked by two members of the editorial group before they are "
    "published, but we are amateurs and we do sometimes get things wrong. Views expressed by people we "
    "interview are theirs alone. If you run a club, a shop or a campaign in Lakeside and would like us "
    "to cover it, drop a note through the door of the old post office or come along to our open "
    "meeting on the first Thursday of each month."
)

LAKESIDE_PLEA = (
    "Never miss a Lakeside story. Our weekly email arrives every Sunday morning with the week’s news, "
    "the parish council agenda, lost and found pets, the church and chapel rotas and the lake water "
    "levels. It is free, it will never carry advertising and you can leave with one click. More than "
    "nine hundred households already read it over breakfast. Printing the paper edition costs us about "
    "forty crowns an issue, so if you can spare the price of a coffee now and then, please use the "
    "donate button at the top of the page."
)

LAKESIDE_CORRECTIONS = (
    "Corrections: if you think something in this article is inaccurate or unfair, tell the editorial "
    "group and we will look into it within seven days. Corrections are published at the foot of the "
    "article and in the next weekly email."
)

LAKESIDE_RELATED = [
    ("Parish council agrees to resurface the village hall car park",
     "http://lakeside-community-times.example/village-hall-car-park/"),
    ("Lost: tabby cat answering to Marmalade, last seen near the jetty",
     "http://lakeside-community-times.example/lost-cat-marmalade/"),
    ("Church roof appeal passes halfway mark", "http://lakeside-community-times.example/church-roof-appeal/"),
    ("Lake water level: weekly readings", "http://lakeside-community-times.example/lake-levels/"),
    ("What’s on in Lakeside this month", "http://lakeside-community-times.example/whats-on/"),
]
