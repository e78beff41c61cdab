# Prose. Lines are wrapped by hand; a few run past the limit.
# ruff: noqa: E501
"""Stories in French, German, Spanish, Italian, Portuguese and Russian. All fictional, written
for this project."""

from __future__ import annotations

SCIERIE = {
    "headline": "À Saint-Vérand-des-Pins, la dernière scierie du canton ferme ses portes après 112 ans",
    "standfirst": "Faute de repreneur et face à la flambée du prix de l'énergie, la scierie Labarthe "
    "licenciera ses quatorze salariés à la fin du mois.",
    "author": "Mathilde Lescarret",
    "section": "Économie",
    "image_alt": "Des piles de planches de pin dans la cour de la scierie Labarthe",
    "paragraphs": [
        "La scie principale s'est arrêtée vendredi en fin d'après-midi, et personne dans la cour n'a "
        "vraiment su quoi dire. Après cent douze ans d'activité, la scierie Labarthe, installée à "
        "l'entrée de Saint-Vérand-des-Pins, fermera définitivement ses portes le 30 octobre. C'était la "
        "dernière scierie encore en activité dans le canton.",
        "L'entreprise, fondée en 1914 par Jean-Baptiste Labarthe, arrière-grand-père de l'actuel "
        "gérant, transformait chaque année près de vingt mille mètres cubes de pin maritime en "
        "planches, en palettes et en poteaux. Elle emploie aujourd'hui quatorze salariés, dont la "
        "plupart habitent à moins de dix kilomètres.",
        "« On a tout essayé », assure Pierre Labarthe, 61 ans, debout devant les piles de bois qui "
        "attendent encore d'être livrées. « On a cherché un repreneur pendant deux ans. Trois groupes "
        "sont venus visiter, aucun n'a fait d'offre. Avec ce que coûte l'électricité aujourd'hui, une "
        "petite scierie comme la nôtre ne s'en sort plus. »",
        "La facture d'énergie de l'entreprise a en effet presque triplé depuis 2022, selon le gérant, "
        "tandis que les prix du bois d'œuvre restaient orientés à la baisse sous la pression des "
        "grandes unités industrielles installées près de l'autoroute. La tempête de l'hiver dernier, "
        "qui a abattu des milliers d'arbres dans les forêts voisines, a encore fait chuter les cours.",
        "Pour les salariés, le choc est rude. Sylvie Daugreilh, 52 ans, travaille au tri des planches "
        "depuis vingt-sept ans. « J'ai commencé ici à vingt-cinq ans. Mon mari y a travaillé avant moi. "
        "Je ne sais rien faire d'autre, et à mon âge, on ne m'attend nulle part », confie-t-elle.",
        "La mairie dit vouloir accompagner chaque salarié. Le maire, Bernard Cazaubon, a annoncé la "
        "tenue d'une réunion avec France Travail et la chambre des métiers dès la semaine prochaine. "
        "« Perdre la scierie, c'est perdre une partie de l'identité du village », reconnaît l'élu, qui "
        "promet de tout faire pour que le site ne reste pas une friche.",
        "Plusieurs pistes sont évoquées pour le terrain de quatre hectares, situé en bordure de la "
        "route départementale : un atelier de menuiserie coopératif, une plateforme de bois de "
        "chauffage ou un espace pour les artisans. Aucun projet n'est encore arrêté.",
        "Dans les forêts alentour, les propriétaires s'inquiètent aussi. Sans la scierie, les petits "
        "lots de pins devront désormais être transportés jusqu'aux usines de la côte, à plus de "
        "soixante kilomètres. « Le transport va manger toute la marge », résume Alain Peyrègne, "
        "exploitant forestier à Lagrange.",
        "Une dernière journée portes ouvertes est prévue le samedi 24 octobre. Pierre Labarthe veut y "
        "inviter tous les anciens salariés. « On fermera la porte ensemble, comme on l'a ouverte "
        "pendant cent ans : en famille », dit-il.",
    ],
}

BRUECKE = {
    "headline": "Talbrücke bei Felsheim gesperrt: Pendler müssen monatelang Umwege fahren",
    "standfirst": "Prüfer haben Risse in den Spannstählen der Wiesental-Brücke entdeckt. Die Sperrung "
    "trifft täglich rund 18.000 Fahrzeuge.",
    "author": "Katharina Wendeler",
    "section": "Region",
    "image_alt": "Absperrgitter an der Auffahrt zur Wiesental-Brücke",
    "paragraphs": [
        "Seit Montagmorgen geht auf der Wiesental-Brücke bei Felsheim nichts mehr. Die "
        "Landesstraßenverwaltung hat das fast sechzig Jahre alte Bauwerk kurzfristig für den gesamten "
        "Verkehr gesperrt, nachdem bei einer Sonderprüfung Risse in mehreren Spannstählen entdeckt "
        "worden waren. Wie lange die Sperrung dauert, ist offen.",
        "Über die Brücke fahren nach Angaben der Behörde täglich rund 18.000 Fahrzeuge, darunter viele "
        "Lastwagen auf dem Weg zum Gewerbegebiet Altenbruck. Für Pendler aus dem oberen Nordtal "
        "bedeutet die Sperrung einen Umweg von bis zu vierzig Kilometern über die Bergstraße nach "
        "Kallstedt.",
        "„Wir hatten keine andere Wahl“, sagte der Leiter der Straßenmeisterei, Thomas Rehbein, am "
        "Montag vor Ort. „Die Prüfer haben uns am Freitagabend angerufen. Bei diesem Schadensbild kann "
        "niemand mehr die Verantwortung dafür übernehmen, dass dort weiter schwere Fahrzeuge rollen.“",
        "Die Brücke wurde 1967 gebaut und gehört zu einer Generation von Spannbetonbauwerken, bei "
        "denen ein inzwischen als anfällig bekannter Stahl verwendet wurde. Bereits 2019 hatte ein "
        "Gutachten empfohlen, sie bis spätestens 2030 durch einen Neubau zu ersetzen. Die Planungen "
        "dafür stecken jedoch noch im Genehmigungsverfahren.",
        "Im Felsheimer Ortskern machte sich die Sperrung schon am ersten Tag bemerkbar. Weil viele "
        "Autofahrer den ausgeschilderten Umleitungen nicht folgten und stattdessen durch die engen "
        "Gassen der Altstadt fuhren, bildeten sich am Morgen lange Staus vor der Grundschule.",
        "Bürgermeisterin Sabine Vollrath forderte das Land auf, schnell eine Behelfsbrücke zu "
        "errichten. „Wir reden hier nicht über ein paar Wochen“, sagte sie. „Wenn die Brücke abgerissen "
        "werden muss, dauert das Jahre. So lange können wir die Menschen und die Betriebe im Tal nicht "
        "allein lassen.“",
        "Besonders hart trifft es die Unternehmen im Gewerbegebiet. Ein Sprecher der Spedition "
        "Hartmann & Söhne, die in Altenbruck rund 120 Menschen beschäftigt, rechnet mit Mehrkosten von "
        "mehreren tausend Euro pro Woche. Auch der Busverkehr ist betroffen: Die Linie 42 fährt bis auf "
        "Weiteres nur noch bis zur Haltestelle Brückenstraße.",
        "Das Verkehrsministerium kündigte an, in den kommenden Tagen weitere Messungen vornehmen zu "
        "lassen. Erst danach könne entschieden werden, ob die Brücke mit Einschränkungen für Autos "
        "wieder freigegeben werden kann oder ob ein Abriss unvermeidlich ist.",
        "Auch die Rettungsdienste mussten sich umstellen. Der Rettungsdienst Nordtal hat einen "
        "zusätzlichen Wagen auf der Felsheimer Seite der Brücke stationiert, damit Notfälle im "
        "oberen Tal weiterhin innerhalb der vorgeschriebenen Frist erreicht werden können.",
        "Für Fußgänger und Radfahrer will die Verwaltung nach Möglichkeit einen schmalen Durchgang am "
        "Rand der Brücke einrichten. Eine Entscheidung darüber soll bis Ende der Woche fallen.",
    ],
}

SEQUIA = {
    "headline": "Villarreja de la Sierra corta el agua por las noches por primera vez en treinta años",
    "standfirst": "El embalse que abastece al municipio está al 14 % de su capacidad y el "
    "Ayuntamiento prohíbe regar huertos y llenar piscinas.",
    "author": "Lucía Barrantes Olmedo",
    "section": "Comarca",
    "image_alt": "El embalse de La Hoya, casi vacío, a finales de agosto",
    "paragraphs": [
        "Los vecinos de Villarreja de la Sierra se quedarán sin agua corriente todas las noches, entre "
        "las once y las siete de la mañana, a partir del próximo lunes. El Ayuntamiento aprobó la medida "
        "en un pleno extraordinario celebrado el jueves, después de que el embalse de La Hoya, del que "
        "depende el pueblo, bajara al 14 % de su capacidad.",
        "Es la primera vez desde la sequía de 1995 que el municipio, de unos 2.300 habitantes, recurre "
        "a los cortes nocturnos. Entonces las restricciones se prolongaron durante casi cinco meses y "
        "solo terminaron con las lluvias de diciembre.",
        "«No es una decisión que nos guste, pero los números no dejan otra salida», explicó la "
        "alcaldesa, Remedios Galindo, al término del pleno. «Si seguimos consumiendo al ritmo de este "
        "verano, en octubre no tendremos agua ni para los grifos de día.»",
        "Además de los cortes, el Ayuntamiento ha prohibido regar jardines y huertos con agua de la "
        "red, llenar piscinas privadas y lavar coches en la calle. Las fuentes públicas de la plaza "
        "Mayor y del paseo del Calvario permanecerán cerradas. Las multas por incumplir el bando podrán "
        "llegar a los 750 euros.",
        "La medida ha caído mal entre los hortelanos del pueblo, muchos de ellos jubilados que cultivan "
        "pequeñas parcelas a las afueras. «Llevo cuarenta años sacando tomates y pimientos de este "
        "huerto. Este año se me van a secar en la mata», lamentaba Anselmo Cuadrado, de 78 años, "
        "mientras recogía las últimas judías verdes.",
        "La Confederación Hidrográfica ha confirmado que la cuenca alta del río Tormejo atraviesa su "
        "tercer año hidrológico consecutivo por debajo de la media. En los últimos doce meses han caído "
        "en la zona 310 litros por metro cuadrado, menos de la mitad de lo habitual.",
        "Los hosteleros temen también por la temporada de otoño, cuando el pueblo recibe a cientos de "
        "senderistas y aficionados a la micología. El dueño del Mesón El Castañar, Julián Prieto, "
        "asegura que ha instalado depósitos de reserva para poder seguir abriendo las cenas de los "
        "fines de semana.",
        "El Ayuntamiento ha pedido a la Diputación que envíe camiones cisterna si la situación empeora "
        "y estudia reabrir un antiguo pozo municipal, cerrado en 2008 por problemas de calidad del "
        "agua. Un informe técnico sobre su estado estará listo a finales de mes.",
        "Mientras tanto, el consistorio ha repartido entre los vecinos un folleto con consejos para "
        "ahorrar agua en casa y ha habilitado un teléfono para avisar de fugas en la red.",
    ],
}

TEATRO = {
    "headline": "Borgoalto, dopo dieci anni riapre il Teatro Comunale: «Una sala restituita alla città»",
    "standfirst": "Chiuso nel 2016 per problemi strutturali, il teatro ottocentesco torna ad accogliere "
    "il pubblico sabato sera con un concerto della banda cittadina.",
    "author": "Giulia Ferracin",
    "section": "Cultura",
    "image_alt": "La platea restaurata del Teatro Comunale di Borgoalto",
    "paragraphs": [
        "Dopo dieci anni di porte sbarrate, impalcature e cantieri più volte interrotti, il Teatro "
        "Comunale di Borgoalto riapre al pubblico. Sabato sera, alle 21, la banda cittadina salirà sul "
        "palcoscenico per il primo concerto nella sala restaurata, davanti a quattrocento spettatori che "
        "hanno esaurito i biglietti in meno di un giorno.",
        "Il teatro, costruito nel 1873 su progetto dell'architetto Ettore Manzardo, era stato chiuso "
        "nell'autunno del 2016, quando un sopralluogo dei vigili del fuoco aveva rilevato crepe "
        "preoccupanti nelle travi del soffitto e nei palchi del secondo ordine. Da allora la città era "
        "rimasta senza una vera sala per la musica e la prosa.",
        "I lavori sono costati circa 6,8 milioni di euro, finanziati in gran parte dalla Regione e in "
        "parte da una fondazione bancaria locale. Sono stati consolidati il tetto e le murature, rifatti "
        "gli impianti elettrici e di riscaldamento e restaurati gli stucchi dorati e il sipario dipinto, "
        "che raffigura una veduta della valle con il fiume e il castello.",
        "«È stata una corsa a ostacoli», ammette il sindaco, Marco Bellandi. «Abbiamo avuto due ditte "
        "fallite, un ricorso al tribunale amministrativo e due anni di pandemia. Più di una volta ho "
        "pensato che non ce l'avremmo fatta. Sabato, per me, sarà come chiudere un cerchio.»",
        "Durante il restauro sono emerse anche alcune sorprese. Sotto uno strato di vernice grigia, nel "
        "foyer, i restauratori hanno ritrovato una decorazione a finto marmo dei primi del Novecento, "
        "che è stata riportata alla luce. Nei sottotetti sono stati recuperati vecchi manifesti di "
        "spettacoli degli anni Trenta, che saranno esposti in una piccola mostra.",
        "La restauratrice Elena Cattaneo, che ha diretto il recupero delle decorazioni, racconta di aver "
        "lavorato per mesi sdraiata sulle impalcature a pochi centimetri dal soffitto. «Ogni tanto "
        "trovavamo le firme a matita degli operai che lo avevano dipinto nel 1873. Era come ricevere un "
        "saluto da loro», dice.",
        "La stagione, curata dall'associazione Teatro Aperto, prevede fino a maggio quindici spettacoli "
        "tra prosa, musica da camera e teatro per ragazzi. Il Comune ha fissato prezzi contenuti, dai 10 "
        "ai 25 euro, e una riduzione per gli studenti e per chi ha più di settantacinque anni.",
        "Non mancano però le preoccupazioni per il futuro. I costi di gestione del teatro sono stimati "
        "in circa 300 mila euro l'anno, e l'opposizione in consiglio comunale chiede un piano "
        "dettagliato per coprirli senza pesare sul bilancio cittadino.",
        "Per il momento, in città prevale l'entusiasmo. Domenica mattina il teatro resterà aperto per "
        "visite guidate gratuite, pensate soprattutto per le famiglie e per chi non ha mai visto la "
        "sala illuminata.",
    ],
}

BARCO = {
    "headline": "Pescadores de Vila Nova do Cabo estreiam o primeiro barco elétrico da costa",
    "standfirst": "A embarcação, comprada pela cooperativa local com apoio europeu, pode fazer duas "
    "saídas por dia sem gastar uma gota de gasóleo.",
    "author": "Inês Carvalhal",
    "section": "Região",
    "image_alt": "O Maré Nova à saída do porto de Vila Nova do Cabo",
    "paragraphs": [
        "Ainda o sol não tinha nascido quando o Maré Nova saiu do porto de Vila Nova do Cabo, na "
        "madrugada de terça-feira, quase sem fazer barulho. Foi a primeira viagem de trabalho do barco "
        "de pesca elétrico comprado pela Cooperativa de Pescadores do Cabo, o primeiro do género em toda "
        "a costa da região.",
        "A embarcação, com nove metros de comprimento, custou cerca de 410 mil euros, dos quais 60 por "
        "cento foram pagos por um programa europeu de apoio à pesca sustentável. O resto foi financiado "
        "pela cooperativa, que reúne trinta e dois pescadores, e por um empréstimo bancário a dez anos.",
        "As baterias são carregadas no cais, a partir de painéis solares instalados no telhado da lota, "
        "e dão para cerca de oito horas de navegação. É o suficiente, garante a cooperativa, para as "
        "saídas habituais à pesca do polvo e da faneca, que raramente se afastam mais de seis milhas da "
        "costa.",
        "«Gastávamos mais de mil euros por mês em gasóleo só neste barco», explica o presidente da "
        "cooperativa, Joaquim Valadares, de 58 anos, pescador desde os catorze. «Com o preço do "
        "combustível como está, muitos colegas já estavam a pensar em desistir. Isto pode ser uma saída "
        "para a pesca pequena.»",
        "Nem todos estão convencidos. Alguns pescadores mais velhos duvidam da autonomia das baterias em "
        "dias de mar grosso, quando é preciso lutar contra a corrente para regressar ao porto. «No "
        "inverno, aqui, o mar não perdoa. Quero ver este barco em janeiro», diz Manuel Bettencourt, que "
        "pesca há mais de quarenta anos.",
        "Para responder a essas dúvidas, a cooperativa fez um acordo com o instituto politécnico da "
        "região, que vai instalar sensores a bordo e acompanhar o consumo de energia durante um ano. Os "
        "dados serão partilhados com outras comunidades piscatórias interessadas em seguir o mesmo "
        "caminho.",
        "A autarquia também apoiou o projeto. A presidente da câmara, Fernanda Lacerda, esteve no cais "
        "para a primeira saída e anunciou que o município vai investir na melhoria da rede elétrica do "
        "porto para permitir, no futuro, o carregamento de mais embarcações ao mesmo tempo.",
        "Para a tripulação, a maior diferença não é o dinheiro, mas o silêncio. «Sem o barulho do "
        "motor, ouve-se o mar, ouvem-se as gaivotas, até conseguimos conversar», conta o mestre do Maré "
        "Nova, Rui Albergaria. «Parece que voltámos ao tempo da vela, mas sem ter de remar.»",
        "Se o primeiro ano correr bem, a cooperativa quer candidatar-se a novos apoios para substituir "
        "mais dois barcos até 2028.",
    ],
}

PAROM = {
    "headline": "В Белоярске впервые за двадцать лет отремонтируют паромную переправу через Сурью",
    "standfirst": "Работы начнутся весной. На время ремонта жителей заречных деревень будут возить на "
    "катерах.",
    "author": "Анна Корнилова",
    "section": "Общество",
    "image_alt": "Паром у причала в Белоярске",
    "paragraphs": [
        "Паромную переправу через реку Сурью в Белоярске капитально отремонтируют впервые за двадцать "
        "лет. Об этом в среду сообщили в администрации района. Работы начнутся в апреле, сразу после "
        "ледохода, и должны завершиться к середине июля.",
        "Переправа — единственная связь районного центра с шестью деревнями на правом берегу, где живут "
        "около тысячи восьмисот человек. Ближайший мост находится в ста десяти километрах ниже по "
        "течению, поэтому для многих жителей заречья паром — это дорога в больницу, в школу и на "
        "работу.",
        "По словам главы района Сергея Лаптева, на ремонт выделено около 96 миллионов рублей из "
        "областного бюджета. Деньги пойдут на замену причальных стенок на обоих берегах, новые сходни и "
        "ремонт самого парома, построенного ещё в 1987 году.",
        "«Паром своё отработал давно. Каждую навигацию мы латаем его буквально по частям и молимся, "
        "чтобы не встал посреди реки», — признался начальник переправы Виктор Сухарев, который работает "
        "на ней почти тридцать лет.",
        "Прошлым летом паром дважды выходил из строя. В августе из-за поломки двигателя движение "
        "остановилось на четыре дня, и жителям заречных деревень пришлось добираться до Белоярска на "
        "частных лодках. Школьники в первые дни сентября пропустили занятия.",
        "На время ремонта администрация обещает организовать перевозку людей на двух пассажирских "
        "катерах. Грузовые машины и скорая помощь будут ходить по временной понтонной переправе, которую "
        "установят ниже по течению у посёлка Каменка.",
        "Жители правого берега относятся к новости со сдержанным оптимизмом. «Обещали уже три раза. "
        "Поверю, когда увижу новый паром своими глазами», — говорит пенсионерка Галина Рябова из деревни "
        "Заречье, которая каждую неделю ездит в районную поликлинику.",
        "Местные предприниматели, наоборот, надеются, что обновлённая переправа оживит торговлю. "
        "Владелец пилорамы в Заречье Олег Мартынов рассказал, что из-за частых поломок парома он "
        "потерял нескольких постоянных покупателей, которые не могли вовремя получить заказанный лес.",
        "В администрации района добавили, что после ремонта расписание парома изменится: летом он будет "
        "ходить каждые сорок минут, а не раз в час, как сейчас. Последний рейс из Белоярска будет "
        "отправляться в половине одиннадцатого вечера, чтобы жители заречья успевали возвращаться после "
        "вечерней смены на лесокомбинате.",
        "Кроме того, на левом берегу обещают построить тёплый павильон ожидания с туалетом и "
        "навесом для велосипедов. Сейчас пассажиры ждут паром под открытым небом, и зимой, по "
        "словам местных жителей, это настоящее испытание.",
        "Контракт на ремонт планируют заключить до конца года. Подрядчика выберут на открытом "
        "аукционе.",
    ],
}
