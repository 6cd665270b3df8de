namespace Chancery.Bench.Screening;

// Name lists for the synthetic watchlist, most frequent first: the generator draws from them
// with Zipf-like weights, so the first names of a list are the ones that recur by the ten
// thousand (Mohammed and its spellings, Nguyen, Kim, Wang). Spellings of one name are listed
// as separate names where a population really writes it several ways.
internal static class NameLists
{
    public static readonly string[] ArabicMale =
    [
        "Mohammed", "Ahmed", "Ali", "Muhammad", "Mohamed", "Omar", "Abdullah", "Hassan", "Mahmoud", "Mohammad",
        "Ibrahim", "Khalid", "Hussein", "Youssef", "Mustafa", "Abdul Rahman", "Abdel Aziz", "Saleh", "Said", "Yousef",
        "Tariq", "Abdulaziz", "Hamza", "Nasser", "Faisal", "Jamal", "Karim", "Walid", "Samir", "Adel",
        "Bilal", "Majid", "Fahd", "Sultan", "Abd al-Karim", "Ayman", "Osama", "Hamad", "Rashid", "Nabil",
        "Yasser", "Ismail", "Anas", "Ziad", "Abdel Rahman", "Sami", "Hisham", "Qasim", "Marwan", "Fawzi",
        "Abdelkader", "Mansour", "Badr", "Talal", "Imad", "Khaled", "Munir", "Hatem", "Jaber", "Abu Bakr",
        "Nizar", "Radwan", "Abd al-Latif", "Zakariya", "Husam", "Uthman", "Anwar", "Raed", "Sufyan", "Haitham",
    ];

    public static readonly string[] ArabicFemale =
    [
        "Fatima", "Aisha", "Maryam", "Khadija", "Zainab", "Noor", "Amina", "Layla", "Huda", "Salma",
        "Samira", "Rania", "Hana", "Nadia", "Mona", "Asma", "Yasmin", "Sara", "Rasha", "Dalia",
        "Lubna", "Ghada", "Widad", "Hind", "Suad", "Najwa", "Iman", "Reem", "Basma", "Wafa",
    ];

    public static readonly string[] ArabicFamily =
    [
        "al-Masri", "Haddad", "al-Qahtani", "Mansour", "al-Harbi", "al-Shammari", "Khoury", "Hamdan", "al-Zahrani", "Abbas",
        "al-Ghamdi", "Nasser", "al-Otaibi", "Saleh", "Darwish", "al-Tamimi", "Ibrahim", "al-Hashimi", "Hussein", "al-Dosari",
        "Awad", "al-Anazi", "Suleiman", "al-Baghdadi", "Khalil", "al-Shehri", "Barakat", "al-Mutairi", "Aziz", "al-Jaber",
        "Yassin", "al-Amri", "Rahman", "al-Saadi", "Mahmoud", "al-Najjar", "Qassem", "al-Kuwari", "Salem", "al-Tikriti",
        "Bakr", "al-Falahi", "Farouk", "al-Obeidi", "Zaki", "al-Rubaie", "Sabbagh", "al-Juburi", "Hijazi", "al-Dulaimi",
        "Shalabi", "al-Khatib", "Nassar", "al-Sharif", "Issa", "al-Hakim", "Ghanem", "al-Sayyid", "Asaad", "al-Bakri",
        "Abdel Nour", "al-Ansari", "Fares", "al-Marri", "Jabari", "al-Zawahiri", "Qureshi", "al-Halabi", "Attar", "Zoubi",
    ];

    public static readonly string[] PersianMale =
    [
        "Mohammad", "Ali", "Hossein", "Reza", "Mehdi", "Amir", "Hassan", "Mohsen", "Majid", "Saeed",
        "Hamid", "Javad", "Ahmad", "Mostafa", "Mohammad Reza", "Ali Akbar", "Farhad", "Behrouz", "Dariush", "Kourosh",
        "Mohammad Hossein", "Abbas", "Morteza", "Masoud", "Hamidreza", "Alireza", "Babak", "Kaveh", "Siamak", "Omid",
        "Ebrahim", "Gholamreza", "Esmail", "Nader", "Parviz", "Bahram", "Karim", "Jafar", "Mahmoud", "Yousef",
    ];

    public static readonly string[] PersianFemale =
    [
        "Fatemeh", "Zahra", "Maryam", "Narges", "Leila", "Shirin", "Parisa", "Mahsa", "Azadeh", "Zeynab",
        "Nasrin", "Soheila", "Mitra", "Roya", "Elham", "Forough", "Golnar", "Marjan", "Sepideh", "Ladan",
    ];

    public static readonly string[] PersianFamily =
    [
        "Hosseini", "Mohammadi", "Ahmadi", "Rezaei", "Moradi", "Karimi", "Jafari", "Rahimi", "Hashemi", "Ghasemi",
        "Sadeghi", "Mousavi", "Heidari", "Kazemi", "Rostami", "Tehrani", "Esfahani", "Shirazi", "Ebrahimi", "Azizi",
        "Najafi", "Akbari", "Rahmani", "Abbasi", "Soltani", "Ghorbani", "Safari", "Nazari", "Hosseinzadeh", "Alavi",
        "Mirzaei", "Bagheri", "Asadi", "Amini", "Khademi", "Zamani", "Yazdani", "Tabatabaei", "Shariati", "Golestani",
        "Vahidi", "Farahani", "Jalali", "Sharifi", "Taheri", "Kermani", "Daneshvar", "Pourmohammadi", "Salehi", "Mahdavi",
    ];

    public static readonly string[] PashtoUrduMale =
    [
        "Muhammad", "Abdul Ghani", "Imran", "Asif", "Tariq", "Noor Muhammad", "Shahid", "Gul Agha", "Zahir", "Waheed",
        "Sami Ullah", "Najibullah", "Hafiz", "Rahmatullah", "Fazal", "Bilal", "Usman", "Zia ul Haq", "Khalil", "Hamid",
        "Abdul Qadir", "Sirajuddin", "Jalaluddin", "Amanullah", "Habibullah", "Nasrullah", "Zabihullah", "Aziz", "Qadir", "Sardar",
        "Faizullah", "Ghulam", "Ghulam Nabi", "Mir", "Shah", "Akhtar", "Anwar", "Javed", "Kamran", "Fawad",
        "Arshad", "Naveed", "Irfan", "Rashid", "Yasin", "Saifullah", "Obaidullah", "Mullah", "Zakir", "Hikmatullah",
    ];

    public static readonly string[] PashtoUrduFemale =
    [
        "Ayesha", "Fatima", "Sana", "Nadia", "Bibi", "Rukhsana", "Shazia", "Nasreen", "Farzana", "Sadia",
        "Malalai", "Zarghuna", "Gulalai", "Parveen", "Saima", "Uzma", "Bushra", "Hina", "Samina", "Rabia",
    ];

    public static readonly string[] PashtoUrduFamily =
    [
        "Khan", "Ahmed", "Hussain", "Shah", "Malik", "Qureshi", "Butt", "Chaudhry", "Yousafzai", "Afridi",
        "Durrani", "Haqqani", "Popalzai", "Mehsud", "Wazir", "Baig", "Siddiqui", "Akhtar", "Iqbal", "Ahmadzai",
        "Noorzai", "Achakzai", "Barakzai", "Kakar", "Mohmand", "Shinwari", "Khattak", "Bangash", "Niazi", "Rana",
        "Sheikh", "Mirza", "Raja", "Abbasi", "Awan", "Jatoi", "Bhatti", "Gill", "Zardari", "Khalji",
        "Stanikzai", "Mujahid", "Zadran", "Hotak", "Alizai", "Ishaqzai", "Tokhi", "Safi", "Momand", "Jadoon",
    ];

    public static readonly string[] RussianMale =
    [
        "Aleksandr", "Sergey", "Dmitriy", "Andrey", "Aleksey", "Vladimir", "Ivan", "Mikhail", "Nikolay", "Yevgeny",
        "Igor", "Oleg", "Yuriy", "Viktor", "Pavel", "Maksim", "Roman", "Denis", "Anatoliy", "Vasiliy",
        "Petr", "Boris", "Gennadiy", "Valeriy", "Konstantin", "Vyacheslav", "Stanislav", "Leonid", "Grigoriy", "Fedor",
        "Artem", "Vitaliy", "Bogdan", "Taras", "Mykola", "Oleksandr", "Volodymyr", "Yaroslav", "Ruslan", "Arkadiy",
    ];

    public static readonly string[] RussianFemale =
    [
        "Elena", "Olga", "Tatyana", "Natalya", "Irina", "Svetlana", "Anna", "Mariya", "Yuliya", "Ekaterina",
        "Lyudmila", "Galina", "Nadezhda", "Valentina", "Oksana", "Larisa", "Marina", "Viktoriya", "Anastasiya", "Darya",
    ];

    // Patronymic stems: the father's given name with the -ov/-ev of the patronymic, -ich or -na added.
    public static readonly Dictionary<string, string> RussianPatronymicStems = new(StringComparer.Ordinal)
    {
        ["Aleksandr"] = "Aleksandrov", ["Sergey"] = "Sergeyev", ["Dmitriy"] = "Dmitriyev", ["Andrey"] = "Andreyev",
        ["Aleksey"] = "Alekseyev", ["Vladimir"] = "Vladimirov", ["Ivan"] = "Ivanov", ["Mikhail"] = "Mikhaylov",
        ["Nikolay"] = "Nikolayev", ["Yevgeny"] = "Yevgenyev", ["Igor"] = "Igorev", ["Oleg"] = "Olegov",
        ["Yuriy"] = "Yuryev", ["Viktor"] = "Viktorov", ["Pavel"] = "Pavlov", ["Maksim"] = "Maksimov",
        ["Roman"] = "Romanov", ["Denis"] = "Denisov", ["Anatoliy"] = "Anatolyev", ["Vasiliy"] = "Vasilyev",
        ["Petr"] = "Petrov", ["Boris"] = "Borisov", ["Gennadiy"] = "Gennadyev", ["Valeriy"] = "Valeryev",
        ["Konstantin"] = "Konstantinov", ["Vyacheslav"] = "Vyacheslavov", ["Stanislav"] = "Stanislavov", ["Leonid"] = "Leonidov",
        ["Grigoriy"] = "Grigoryev", ["Fedor"] = "Fedorov", ["Artem"] = "Artemov", ["Vitaliy"] = "Vitalyev",
        ["Bogdan"] = "Bogdanov", ["Taras"] = "Tarasov", ["Mykola"] = "Mykolayov", ["Oleksandr"] = "Oleksandrov",
        ["Volodymyr"] = "Volodymyrov", ["Yaroslav"] = "Yaroslavov", ["Ruslan"] = "Ruslanov", ["Arkadiy"] = "Arkadyev",
    };

    public static readonly string[] RussianFamily =
    [
        "Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasilyev", "Petrov", "Sokolov", "Mikhaylov", "Novikov", "Fedorov",
        "Morozov", "Volkov", "Alekseyev", "Lebedev", "Semenov", "Yegorov", "Pavlov", "Kozlov", "Stepanov", "Nikolayev",
        "Orlov", "Andreyev", "Makarov", "Nikitin", "Zakharov", "Zaytsev", "Solovyev", "Borisov", "Yakovlev", "Grigoryev",
        "Romanov", "Vorobyev", "Sergeyev", "Kuzmin", "Frolov", "Aleksandrov", "Dmitriyev", "Korolev", "Gusev", "Kiselev",
        "Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko", "Kovalchuk", "Oliynyk", "Shevchuk",
        "Polishchuk", "Lysenko", "Marchenko", "Rudenko", "Savchenko", "Moroz", "Zhukov", "Kovalev", "Belov", "Tarasov",
        "Khodorkovskiy", "Kalashnikov", "Chernyshev", "Zhuravlev", "Shcherbakov", "Golovin", "Kudryavtsev", "Baranov", "Kulikov", "Timofeyev",
        "Vinogradov", "Bogdanov", "Sorokin", "Kovalevskiy", "Vishnevskiy", "Zhdanov", "Yershov", "Tikhonov", "Kolesnikov", "Komarov",
    ];

    public static readonly string[] ChineseFamily =
    [
        "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
        "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo",
        "Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng", "Deng", "Cao", "Peng",
        "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang", "Yu", "Du",
        "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Jin",
        "Fu", "Zhong", "Cui", "Tan", "Qiu", "Qin", "Jia", "Xue", "Yan", "Hou",
    ];

    public static readonly string[] ChineseSyllables =
    [
        "wei", "jun", "hua", "ming", "jian", "li", "xiao", "yan", "hong", "ping",
        "lei", "tao", "qiang", "bin", "fang", "ying", "hui", "jing", "yong", "gang",
        "zhi", "dong", "hai", "xin", "yu", "chao", "guo", "feng", "lin", "min",
        "jie", "bo", "wen", "qing", "hao", "kai", "long", "peng", "rui", "shan",
        "tian", "xiang", "yi", "zhen", "cheng", "de", "fei", "gui", "kang", "lan",
        "mei", "na", "ning", "qi", "rong", "sheng", "shu", "ting", "xia", "yun",
        "zhong", "bao", "chun", "en", "heng", "jia", "liang", "mu", "pei", "song",
    ];

    public static readonly string[] KoreanFamily =
    [
        "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim",
        "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong",
        "Jeon", "Ko", "Moon", "Yang", "Son", "Bae", "Baek", "Heo", "Nam", "Ri",
    ];

    public static readonly string[] KoreanSyllables =
    [
        "min", "jun", "seo", "ji", "hyun", "woo", "jong", "sung", "young", "dong",
        "eun", "soo", "jae", "ho", "yeon", "hye", "kyung", "sang", "chul", "hee",
        "won", "jin", "il", "su", "yong", "myung", "tae", "joon", "gyu", "bin",
        "ha", "na", "ye", "seung", "hwa", "kwang", "nam", "un", "chol", "ok",
    ];

    public static readonly string[] VietnameseFamily =
    [
        "Nguyen", "Tran", "Le", "Pham", "Hoang", "Huynh", "Phan", "Vu", "Vo", "Dang",
        "Bui", "Do", "Ho", "Ngo", "Duong", "Ly", "Truong", "Dinh", "Lam", "Mai",
    ];

    public static readonly string[] VietnameseMiddle = ["Van", "Thi", "Duc", "Minh", "Ngoc", "Thanh", "Quang", "Huu", "Xuan", "Hoang", "Kim", "Cong"];

    public static readonly string[] VietnameseGiven =
    [
        "Anh", "Minh", "Hung", "Dung", "Tuan", "Hoa", "Lan", "Linh", "Nam", "Son",
        "Thao", "Trang", "Long", "Huong", "Hai", "Phuong", "Thanh", "Hieu", "Khanh", "Quan",
        "Binh", "Cuong", "Duy", "Giang", "Ha", "Hanh", "Hoai", "Huy", "Kien", "Loc",
        "Mai", "Nga", "Phong", "Quynh", "Tam", "Thang", "Thu", "Trung", "Viet", "Yen",
    ];

    // Vietnamese words with their tone marks, for the share of names written with them.
    public static readonly Dictionary<string, string> VietnameseMarked = new(StringComparer.Ordinal)
    {
        ["Nguyen"] = "Nguyễn", ["Tran"] = "Trần", ["Le"] = "Lê", ["Pham"] = "Phạm", ["Hoang"] = "Hoàng", ["Huynh"] = "Huỳnh",
        ["Vu"] = "Vũ", ["Vo"] = "Võ", ["Dang"] = "Đặng", ["Bui"] = "Bùi", ["Do"] = "Đỗ", ["Duong"] = "Dương", ["Truong"] = "Trương",
        ["Dinh"] = "Đinh", ["Van"] = "Văn", ["Thi"] = "Thị", ["Duc"] = "Đức", ["Ngoc"] = "Ngọc", ["Huu"] = "Hữu", ["Xuan"] = "Xuân",
        ["Hung"] = "Hùng", ["Dung"] = "Dũng", ["Tuan"] = "Tuấn", ["Hoa"] = "Hòa", ["Huong"] = "Hương", ["Hai"] = "Hải",
        ["Phuong"] = "Phương", ["Hieu"] = "Hiếu", ["Khanh"] = "Khánh", ["Quan"] = "Quân", ["Cuong"] = "Cường", ["Thang"] = "Thắng",
    };

    public static readonly string[] HispanicMale =
    [
        "José", "Juan", "Luis", "Carlos", "Jorge", "Miguel", "Francisco", "Antonio", "Manuel", "José Luis",
        "Jesús", "Pedro", "Juan Carlos", "Alejandro", "Fernando", "Ricardo", "Javier", "Rafael", "Roberto", "Daniel",
        "Eduardo", "Sergio", "Raúl", "Óscar", "Héctor", "Andrés", "Mario", "Pablo", "Diego", "Alberto",
        "Juan Pablo", "Guillermo", "Arturo", "Ramón", "Enrique", "Joaquín", "Ignacio", "Gonzalo", "Rodrigo", "Julio",
    ];

    public static readonly string[] HispanicFemale =
    [
        "María", "Ana", "Carmen", "Rosa", "Guadalupe", "María del Carmen", "Laura", "Isabel", "Lucía", "Ana María",
        "Patricia", "Gabriela", "Verónica", "Claudia", "Teresa", "Elena", "Marta", "Sofía", "Adriana", "Beatriz",
    ];

    public static readonly string[] HispanicFamily =
    [
        "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez", "Torres",
        "Flores", "Rivera", "Gómez", "Díaz", "Cruz", "Morales", "Reyes", "Gutiérrez", "Ortiz", "Castillo",
        "Jiménez", "Vargas", "Romero", "Herrera", "Medina", "Aguilar", "Ruiz", "Álvarez", "Mendoza", "Moreno",
        "Castro", "Vázquez", "Ramos", "Chávez", "Rojas", "Guerrero", "Salazar", "Ortega", "Delgado", "Navarro",
        "de la Cruz", "del Río", "de León", "Fernández", "Suárez", "Domínguez", "Molina", "Cabrera", "Cardona", "Escobar",
        "Zambrano", "Ochoa", "Villanueva", "Cárdenas", "Quintero", "Sandoval", "Arellano", "Bermúdez", "de los Santos", "Echeverría",
    ];

    public static readonly string[] FrenchMale =
    [
        "Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "François", "Patrick", "Christophe", "Laurent",
        "Jean-Pierre", "Jean-Claude", "Éric", "Frédéric", "Stéphane", "Olivier", "Thierry", "Julien", "Sébastien", "Antoine",
        "Jacques", "Bernard", "Daniel", "Gérard", "Jean-Marc", "Mathieu", "Guillaume", "Benoît", "Raphaël", "Yves",
    ];

    public static readonly string[] FrenchFemale =
    [
        "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Valérie", "Christine", "Sandrine", "Céline",
        "Marie-Claire", "Sophie", "Hélène", "Aurélie", "Chantal", "Brigitte", "Anne-Marie", "Camille", "Émilie", "Véronique",
    ];

    public static readonly string[] FrenchFamily =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
        "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
        "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
        "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
        "de Villiers", "Deschamps", "Lacroix", "Marchand", "Boyer", "Beaumont", "Couturier", "Rivière", "Leclerc", "Barbier",
    ];

    public static readonly string[] GermanMale =
    [
        "Peter", "Michael", "Thomas", "Andreas", "Wolfgang", "Klaus", "Jürgen", "Stefan", "Christian", "Uwe",
        "Frank", "Werner", "Markus", "Matthias", "Hans", "Bernd", "Ralf", "Dieter", "Günter", "Helmut",
        "Manfred", "Sven", "Jörg", "Heinz", "Karl-Heinz", "Tobias", "Florian", "Lukas", "Johannes", "Dirk",
    ];

    public static readonly string[] GermanFemale =
    [
        "Ursula", "Monika", "Petra", "Sabine", "Renate", "Helga", "Karin", "Brigitte", "Ingrid", "Claudia",
        "Susanne", "Andrea", "Birgit", "Gabriele", "Jutta", "Heike", "Katrin", "Anja", "Julia", "Silke",
    ];

    public static readonly string[] GermanFamily =
    [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
        "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
        "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Vogel",
        "von Braun", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz",
    ];

    public static readonly string[] EnglishMale =
    [
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
        "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua",
        "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Edward", "Jason", "Jeffrey", "Ryan",
        "Gary", "Nicholas", "Eric", "Stephen", "Jonathan", "Larry", "Justin", "Scott", "Brandon", "Frank",
    ];

    public static readonly string[] EnglishFemale =
    [
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
        "Nancy", "Lisa", "Margaret", "Betty", "Sandra", "Ashley", "Dorothy", "Kimberly", "Emily", "Donna",
    ];

    public static readonly string[] EnglishFamily =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
        "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis",
        "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams",
        "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans",
        "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson",
        "O'Brien", "McDonald", "O'Connor", "MacLeod", "Fitzgerald", "Hughes", "Price", "Bennett", "Wood", "Barnes",
    ];

    public static readonly string[] WestAfricanMale =
    [
        "Mamadou", "Ibrahima", "Moussa", "Abdoulaye", "Ousmane", "Amadou", "Boubacar", "Souleymane", "Cheikh", "Modou",
        "Mohamed", "Oumar", "Adama", "Seydou", "Aliou", "Lamine", "Issa", "Kwame", "Kofi", "Chukwuemeka",
        "Oluwaseun", "Emeka", "Babatunde", "Chinedu", "Abubakar", "Musa", "Yusuf", "Sani", "Aminu", "Kwabena",
        "Yaw", "Kojo", "Olusegun", "Adebayo", "Ikechukwu", "Tunde", "Idrissa", "Bakary", "Sekou", "Alhassan",
    ];

    public static readonly string[] WestAfricanFemale =
    [
        "Fatoumata", "Aminata", "Mariama", "Aissatou", "Kadiatou", "Ngozi", "Adaeze", "Awa", "Fanta", "Hawa",
        "Ramatoulaye", "Oumou", "Chioma", "Folake", "Abena", "Akosua", "Yetunde", "Hauwa", "Zainab", "Binta",
    ];

    public static readonly string[] WestAfricanFamily =
    [
        "Diallo", "Traoré", "Koné", "Coulibaly", "Camara", "Keita", "Touré", "Sow", "Ba", "Ndiaye",
        "Diop", "Fall", "Sylla", "Cissé", "Sangaré", "Okafor", "Adeyemi", "Okonkwo", "Mensah", "Owusu",
        "Boateng", "Abubakar", "Bello", "Yusuf", "Ibrahim", "Musa", "Mohammed", "Danjuma", "Balogun", "Eze",
        "Nwachukwu", "Oyelaran", "Asante", "Appiah", "Osei", "Kamara", "Bangura", "Conteh", "Sesay", "Jalloh",
        "Barry", "Bah", "Doumbia", "Dembélé", "Ouattara", "Sanogo", "Diarra", "Konaté", "Gueye", "Faye",
    ];

    public static readonly string[] TurkishMale =
    [
        "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "İsmail", "Osman", "Yusuf",
        "Murat", "Ömer", "Ramazan", "Halil", "Süleyman", "Abdullah", "Emre", "Burak", "Fatih", "Kemal",
        "Recep", "Serkan", "Hakan", "Erkan", "Orhan", "Selim", "Cem", "Oğuz", "Volkan", "Tolga",
    ];

    public static readonly string[] TurkishFemale =
    [
        "Fatma", "Ayşe", "Emine", "Hatice", "Zeynep", "Elif", "Meryem", "Şerife", "Sultan", "Hanife",
        "Merve", "Özlem", "Esra", "Gül", "Yasemin", "Derya", "Büşra", "Gülşen", "Sevgi", "Filiz",
    ];

    public static readonly string[] TurkishFamily =
    [
        "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir",
        "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek",
        "Polat", "Özcan", "Korkmaz", "Çakır", "Erdoğan", "Yavuz", "Can", "Acar", "Şen", "Aktaş",
        "Güler", "Yalçın", "Güneş", "Bozkurt", "Bulut", "Keskin", "Ünal", "Turan", "Gül", "Özer",
    ];

    public static readonly string[] IndianMale =
    [
        "Rajesh", "Ramesh", "Suresh", "Amit", "Sunil", "Anil", "Vijay", "Sanjay", "Rahul", "Ravi",
        "Arun", "Deepak", "Manoj", "Ashok", "Mohan", "Krishna", "Rakesh", "Prakash", "Gurpreet", "Harpreet",
        "Mukesh", "Dinesh", "Vikram", "Ajay", "Naresh", "Pradeep", "Santosh", "Abhishek", "Srinivas", "Venkatesh",
    ];

    public static readonly string[] IndianFemale =
    [
        "Priya", "Sunita", "Anita", "Pooja", "Lakshmi", "Kavita", "Neha", "Rekha", "Geeta", "Meena",
        "Asha", "Usha", "Deepa", "Manpreet", "Shanti", "Radha", "Divya", "Swati", "Anjali", "Savita",
    ];

    public static readonly string[] IndianMiddle = ["Kumar", "Lal", "Prasad", "Chandra", "Nath", "Kaur", "Devi", "Singh"];

    public static readonly string[] IndianFamily =
    [
        "Kumar", "Singh", "Sharma", "Patel", "Gupta", "Reddy", "Rao", "Verma", "Yadav", "Das",
        "Nair", "Iyer", "Joshi", "Mehta", "Shah", "Pillai", "Agarwal", "Mishra", "Chauhan", "Banerjee",
        "Mukherjee", "Chatterjee", "Menon", "Pandey", "Tiwari", "Srivastava", "Desai", "Kapoor", "Malhotra", "Bhat",
        "Naidu", "Khanna", "Saxena", "Thakur", "Jain", "Dubey", "Chopra", "Sinha", "Ghosh", "Krishnan",
    ];
}
