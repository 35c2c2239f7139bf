// Invented people for demo data. Common given and family names from many cultures, grouped so
// most generated people get a plausible pairing. Lists are checked by hand to avoid pairings that
// spell a well-known real person; the generator still mixes cultures for about a third of people.

export interface NameCulture {
  readonly id: string;
  /** Relative share of generated people. */
  readonly weight: number;
  readonly female: readonly string[];
  readonly male: readonly string[];
  readonly family: readonly string[];
}

export const NAME_CULTURES: readonly NameCulture[] = [
  {
    id: 'english',
    weight: 14,
    female: ['Olivia', 'Charlotte', 'Hannah', 'Eleanor', 'Rosie', 'Megan', 'Imogen', 'Harriet'],
    male: ['Oliver', 'Harry', 'George', 'Samuel', 'Daniel', 'Joseph', 'Callum', 'Edward'],
    family: ['Thompson', 'Walker', 'Hughes', 'Robinson', 'Wright', 'Greenwood', 'Hall', 'Clarke', 'Baker', 'Pennington', 'Harris', 'Fletcher', 'Marsh'],
  },
  {
    id: 'irish-scottish',
    weight: 6,
    female: ['Aoife', 'Siobhan', 'Niamh', 'Ciara', 'Isla', 'Fiona'],
    male: ['Cian', 'Ruairí', 'Declan', 'Euan', 'Fraser', 'Padraig'],
    family: ["O'Brien", 'Murphy', 'Byrne', 'Gallagher', 'Doyle', 'MacLeod', 'Campbell', 'Sutherland', 'Brennan', 'Quinn', 'Nolan', 'McAllister'],
  },
  {
    id: 'west-african',
    weight: 7,
    female: ['Amara', 'Chiamaka', 'Ngozi', 'Adaeze', 'Efua', 'Akosua', 'Folake', 'Yetunde'],
    male: ['Chinedu', 'Emeka', 'Kwame', 'Kofi', 'Tunde', 'Obinna', 'Segun', 'Yaw'],
    family: ['Okafor', 'Adeyemi', 'Mensah', 'Owusu', 'Nwosu', 'Boateng', 'Eze', 'Adebayo', 'Asante', 'Oyelaran', 'Danso', 'Acheampong'],
  },
  {
    id: 'east-african',
    weight: 4,
    female: ['Wanjiru', 'Achieng', 'Nia', 'Zawadi', 'Makeda', 'Selam'],
    male: ['Kamau', 'Otieno', 'Baraka', 'Jabari', 'Tesfaye', 'Dawit'],
    family: ['Mwangi', 'Kariuki', 'Ochieng', 'Njoroge', 'Haile', 'Tadesse', 'Mutua', 'Kiprono', 'Abebe', 'Omondi', 'Wekesa', 'Gebremedhin'],
  },
  {
    id: 'south-asian',
    weight: 10,
    female: ['Priya', 'Ananya', 'Kavya', 'Meera', 'Aisha', 'Farah', 'Nusrat', 'Lakshmi'],
    male: ['Arjun', 'Rohan', 'Vikram', 'Zubair', 'Rahul', 'Sanjay', 'Faisal', 'Karthik'],
    family: ['Sharma', 'Patel', 'Iyer', 'Reddy', 'Nair', 'Chowdhury', 'Khan', 'Malik', 'Desai', 'Menon', 'Rahman', 'Bhattacharya', 'Kulkarni', 'Siddiqui'],
  },
  {
    id: 'chinese',
    weight: 7,
    female: ['Mei', 'Xiaoling', 'Yun', 'Jing', 'Hui', 'Lan'],
    male: ['Wei', 'Jun', 'Hao', 'Yichen', 'Zhiwei', 'Tao'],
    family: ['Wang', 'Zhang', 'Liu', 'Chen', 'Huang', 'Zhao', 'Zhou', 'Xu', 'Sun', 'Lin', 'Guo', 'He'],
  },
  {
    id: 'japanese-korean',
    weight: 5,
    female: ['Yui', 'Aiko', 'Haruka', 'Sakura', 'Ji-woo', 'Seo-yeon', 'Min-ji'],
    male: ['Daichi', 'Kenta', 'Takumi', 'Hiroshi', 'Min-jun', 'Seung-ho', 'Jae-won'],
    family: ['Tanaka', 'Suzuki', 'Sato', 'Nakamura', 'Kobayashi', 'Yamamoto', 'Ito', 'Kim', 'Park', 'Choi', 'Jung', 'Kang', 'Yoon'],
  },
  {
    id: 'southeast-asian',
    weight: 5,
    female: ['Linh', 'Thao', 'Mai', 'Ligaya', 'Dewi', 'Siti', 'Trinh'],
    male: ['Minh', 'Quang', 'Tuan', 'Rizal', 'Budi', 'Arief', 'Paolo'],
    family: ['Nguyen', 'Tran', 'Pham', 'Le', 'Vu', 'Santos', 'Reyes', 'Bautista', 'Dela Cruz', 'Santoso', 'Wijaya', 'Hidayat', 'Lim'],
  },
  {
    id: 'hispanic',
    weight: 8,
    female: ['Lucía', 'Camila', 'Valentina', 'Sofía', 'Ximena', 'Carmen', 'Elena'],
    male: ['Mateo', 'Santiago', 'Alejandro', 'Javier', 'Diego', 'Andrés', 'Pablo'],
    family: ['García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Ramírez', 'Torres', 'Flores', 'Morales', 'Castillo', 'Vargas', 'Romero'],
  },
  {
    id: 'lusophone',
    weight: 4,
    female: ['Beatriz', 'Mariana', 'Inês', 'Larissa', 'Rafaela', 'Joana'],
    male: ['João', 'Tiago', 'Rafael', 'Gustavo', 'Caio', 'Duarte'],
    family: ['Silva', 'Oliveira', 'Ferreira', 'Costa', 'Pereira', 'Almeida', 'Carvalho', 'Rocha', 'Nogueira', 'Barbosa', 'Moreira', 'Teixeira'],
  },
  {
    id: 'french',
    weight: 5,
    female: ['Camille', 'Chloé', 'Manon', 'Élodie', 'Margaux', 'Léa'],
    male: ['Julien', 'Mathieu', 'Théo', 'Antoine', 'Louis', 'Baptiste'],
    family: ['Martin', 'Bernard', 'Dubois', 'Moreau', 'Laurent', 'Lefèvre', 'Girard', 'Fontaine', 'Chevalier', 'Mercier', 'Blanc', 'Perrin'],
  },
  {
    id: 'german-dutch',
    weight: 6,
    female: ['Anna', 'Lena', 'Katrin', 'Mareike', 'Sanne', 'Femke', 'Johanna'],
    male: ['Lukas', 'Jonas', 'Felix', 'Matthias', 'Daan', 'Bram', 'Jens'],
    family: ['Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Krause', 'Vogel', 'de Vries', 'van Dijk', 'Jansen', 'Bakker', 'Visser', 'Smit'],
  },
  {
    id: 'nordic',
    weight: 4,
    female: ['Ingrid', 'Astrid', 'Sigrid', 'Freya', 'Elin', 'Maja'],
    male: ['Anders', 'Erik', 'Lars', 'Mikkel', 'Henrik', 'Oskar'],
    family: ['Andersen', 'Johansson', 'Lindqvist', 'Nilsson', 'Halvorsen', 'Berg', 'Dahl', 'Lund', 'Virtanen', 'Korhonen', 'Eriksson', 'Solberg'],
  },
  {
    id: 'central-eastern-european',
    weight: 5,
    female: ['Katarzyna', 'Agnieszka', 'Zofia', 'Tereza', 'Milena', 'Olena', 'Irina'],
    male: ['Łukasz', 'Tomasz', 'Piotr', 'Jakub', 'Ondřej', 'Dmytro', 'Nikolai'],
    family: ['Nowak', 'Kowalczyk', 'Wójcik', 'Mazur', 'Krawczyk', 'Novák', 'Horvat', 'Kovač', 'Shevchenko', 'Bondarenko', 'Petrenko', 'Popescu', 'Ionescu'],
  },
  {
    id: 'mediterranean',
    weight: 5,
    female: ['Giulia', 'Chiara', 'Francesca', 'Eleni', 'Katerina', 'Alessia'],
    male: ['Marco', 'Luca', 'Matteo', 'Giorgos', 'Nikos', 'Stefano'],
    family: ['Rossi', 'Russo', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Papadopoulos', 'Georgiou', 'Karalis', 'Vlachos'],
  },
  {
    id: 'middle-eastern',
    weight: 6,
    female: ['Layla', 'Yasmin', 'Noor', 'Zeynep', 'Elif', 'Shirin', 'Leila'],
    male: ['Omar', 'Karim', 'Youssef', 'Emre', 'Mehmet', 'Dariush', 'Tariq'],
    family: ['Haddad', 'Khoury', 'Nasser', 'Saleh', 'Mansour', 'Darwish', 'Yilmaz', 'Demir', 'Kaya', 'Şahin', 'Hosseini', 'Rahimi', 'Tehrani'],
  },
];

/** Short forms friends use; only some people with these names get one. */
export const NICKNAMES: Readonly<Record<string, string>> = {
  Alejandro: 'Álex',
  Katarzyna: 'Kasia',
  Agnieszka: 'Aga',
  Francesca: 'Fran',
  Samuel: 'Sam',
  Daniel: 'Dan',
  Joseph: 'Joe',
  Edward: 'Ned',
  Eleanor: 'Ellie',
  Harriet: 'Hattie',
  Charlotte: 'Lottie',
  Olivia: 'Liv',
  Oliver: 'Ollie',
  Tomasz: 'Tomek',
  Jakub: 'Kuba',
  Santiago: 'Santi',
  Valentina: 'Vale',
  Beatriz: 'Bia',
  Nikolai: 'Kolya',
  Giorgos: 'George',
  Chiamaka: 'Amaka',
  Adaeze: 'Ada',
  Obinna: 'Obi',
  Alessia: 'Ale',
  Matthias: 'Matze',
  Johanna: 'Jo',
  Rafaela: 'Rafa',
  Mehmet: 'Memo',
};

/**
 * Pairings from these lists that belong to well-known real people (sports, film, politics).
 * The generator skips them; add any new ones spotted here.
 */
export const FAMOUS_PAIRINGS: ReadonlySet<string> = new Set([
  'Rahul Sharma', 'Sanjay Patel', 'Diego Costa', 'Diego López', 'Diego Torres', 'Javier Hernández', 'Théo Hernández',
  'Marco Silva', 'Tiago Silva', 'Rafael Silva', 'Daniel Martin', 'Andrés Torres', 'Meera Nair', 'Mateo Kovač',
  'Paolo Rossi',
]);

const genders = new Map<string, 'f' | 'm'>();
for (const culture of NAME_CULTURES) {
  for (const name of culture.female) genders.set(name, 'f');
  for (const name of culture.male) genders.set(name, 'm');
}

/** 'f' or 'm' for a given name from these lists, undefined for anyone else. */
export function genderOf(givenName: string): 'f' | 'm' | undefined {
  return genders.get(givenName);
}

export const ALL_GIVEN_NAMES: readonly string[] = [...genders.keys()];
export const ALL_FAMILY_NAMES: readonly string[] = [...new Set(NAME_CULTURES.flatMap((c) => c.family))];
